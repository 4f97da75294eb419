using MailOps.Compliance.Common;

namespace MailOps.Compliance.Tests.Support;

/// <summary>The regime files the project ships, as copied beside the tests.</summary>
internal static class Shipped
{
    private static readonly Lazy<Regime> Loaded = new(() =>
    {
        var result = RegimeLoader.Load(Sources(), RegimeZone.Shanghai);
        result.Errors.Should().BeEmpty("the shipped regime must load");
        return result.Value!;
    });

    public static Regime Regime => Loaded.Value;

    public static RegimeSources Sources() => new(
        File("regime/catalog.json"),
        File("samples/organisation.json"),
        [File("regime/calendar/2025.json"), File("regime/calendar/2026.json")],
        File("samples/events.json"));

    public static SourceText File(string relative) =>
        new(relative, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative)));
}
