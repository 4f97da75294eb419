using MailOps.Compliance;
using MailOps.Compliance.Common;
using MailOps.Parsing;

namespace MailOps.Worker.Tests.Support;

/// <summary>The shipped regime and sample organisation as copied beside the tests, and a parser over them.</summary>
internal static class ShippedRegime
{
    private static readonly Lazy<Compliance.Regime> Loaded = new(() =>
    {
        static SourceText File(string relative) => new(relative, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative)));
        var result = RegimeLoader.Load(
            new RegimeSources(File("regime/catalog.json"), File("samples/organisation.json"), [File("regime/calendar/2025.json"), File("regime/calendar/2026.json")], File("samples/events.json")),
            RegimeZone.Shanghai);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    });

    private static readonly Lazy<MessageParser> LoadedParser = new(() => new MessageParser(Loaded.Value));

    public static Compliance.Regime Regime => Loaded.Value;

    public static MessageParser Parser => LoadedParser.Value;
}
