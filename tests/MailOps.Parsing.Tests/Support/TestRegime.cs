using MailOps.Compliance;
using MailOps.Compliance.Common;

namespace MailOps.Parsing.Tests.Support;

/// <summary>The shipped regime and sample organisation, as copied beside the tests.</summary>
internal static class TestRegime
{
    private static readonly Lazy<Regime> Loaded = new(() =>
    {
        static SourceText File(string relative) => new(relative, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative)));
        var result = RegimeLoader.Load(
            new RegimeSources(File("regime/catalog.json"), File("samples/organisation.json"), [File("regime/calendar/2025.json"), File("regime/calendar/2026.json")], File("samples/events.json")),
            RegimeZone.Shanghai);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    });

    public static Regime Regime => Loaded.Value;

    public static MessageParser Parser { get; } = new(Regime);
}
