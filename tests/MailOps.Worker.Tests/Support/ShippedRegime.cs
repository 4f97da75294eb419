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

    private static readonly Lazy<Compliance.Events.EventRules> LoadedRules = new(() =>
    {
        var file = new SourceText("regime/event-rules.json", System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "regime", "event-rules.json")));
        var result = Compliance.Events.EventRulesLoader.Load(file, Loaded.Value.Directory);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    });

    /// <summary>The shipped regime/event-rules.json.</summary>
    public static Compliance.Events.EventRules EventRules => LoadedRules.Value;

    /// <summary>
    /// A message of the invitation corpus as Exchange Online delivers mail that never left the tenant: stamped
    /// <c>X-MS-Exchange-Organization-AuthAs: Internal</c> above its own headers (the corpus is written as the clients
    /// send it, before any stamp), so that its internal sender is vouched for.
    /// </summary>
    public static byte[] DeliveredInternally(string name) =>
        [.. System.Text.Encoding.ASCII.GetBytes("X-MS-Exchange-Organization-AuthAs: Internal\r\nX-MS-Exchange-Organization-AuthSource: SG2PR06MB1234.apcprd06.prod.outlook.com\r\n"), .. System.IO.File.ReadAllBytes(InvitationCorpus(name))];

    /// <summary>The invitation corpus of the parsing tests, read in place from the clone.</summary>
    public static string InvitationCorpus(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "MailOps.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "MailOps.Parsing.Tests", "Invitations", "messages", name + ".eml");
            }
        }

        throw new DirectoryNotFoundException($"No MailOps.sln above {AppContext.BaseDirectory}");
    }

    public static Compliance.Regime Regime => Loaded.Value;

    public static MessageParser Parser => LoadedParser.Value;
}
