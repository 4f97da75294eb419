using System.Text.Encodings.Web;
using System.Text.Json;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Parsing.Invitations;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Invitations;

/// <summary>
/// The invitation corpus (Invitations/messages, read in place from the clone): each .eml is read, expanded in its window
/// and every occurrence recognised with the shipped event rules and sample directory, then compared with the
/// .expected.json beside it. Invitations/messages/README.md says what each case exercises.
/// </summary>
internal static class InvitationCase
{
    public static string Folder => Path.Combine(Files.RepositoryRoot().FullName, "tests", "MailOps.Parsing.Tests", "Invitations", "messages");

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<EventRecognizer> Recognizer = new(() =>
    {
        var file = new SourceText("regime/event-rules.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "regime", "event-rules.json")));
        var rules = EventRulesLoader.Load(file, TestRegime.Regime.Directory);
        rules.Errors.Should().BeEmpty();
        return new EventRecognizer(rules.Value!, TestRegime.Regime.Directory, RegimeZone.Shanghai);
    });

    public static void Check(string name)
    {
        var path = Path.Combine(Folder, name + ".expected.json");
        var expected = JsonSerializer.Deserialize<Expected>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");

        var actual = Run(File.ReadAllBytes(Path.Combine(Folder, name + ".eml")), expected.Description, expected.Window);

        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"{name}: {expected.Description}; it gave {JsonSerializer.Serialize(actual, Options)}");
    }

    private static Expected Run(byte[] raw, string description, Window window)
    {
        var read = InvitationReader.Read(raw, RegimeZone.Shanghai);
        if (read.Invitation is not { } invitation)
        {
            return new Expected(description, window, InvitationProblems.Name(read.Problem!.Value), null, null, null, null, [], null, []);
        }

        var expansion = invitation.Expand(window.From, window.To);
        return new Expected(
            description,
            window,
            null,
            invitation.Method.ToString().ToLowerInvariant(),
            invitation.Location.Depth,
            invitation.Location.IsAttachment,
            invitation.Organizer,
            [.. invitation.Items.Select(i => new Item(i.Uid, i.RecurrenceId, i.Sequence, i.Status))],
            expansion.Problem is { } problem ? InvitationProblems.Name(problem) : null,
            [.. expansion.Occurrences.Select(OccurrenceOf)]);
    }

    private static Occurrence OccurrenceOf(InvitationOccurrence o)
    {
        var item = o.Item;
        return Recognizer.Value.Recognize(item) switch
        {
            EventRecognition.Recognised r => new(item.Start, item.End, item.IsAllDay, o.IsCancelled, item.Summary, "recognised", r.Event.Id, r.Event.Kind, r.Event.UnitId, r.Event.End, null),
            EventRecognition.Unplaceable u => new(item.Start, item.End, item.IsAllDay, o.IsCancelled, item.Summary, "unplaceable", EventIds.Of(item, RegimeZone.Shanghai), u.Kind?.Kind, null, null, u.Reason.ToString()),
            _ => new(item.Start, item.End, item.IsAllDay, o.IsCancelled, item.Summary, "ordinary", null, null, null, null, null),
        };
    }

    internal sealed record Window(DateTimeOffset From, DateTimeOffset To);

    internal sealed record Item(string Uid, DateTimeOffset? RecurrenceId, int Sequence, string? Status);

    /// <param name="Id">The event's id; for an unplaceable item, the id it would have.</param>
    /// <param name="EventEnd">The recognised event's last instant (inclusive), where the item's <paramref name="End"/> is exclusive.</param>
    internal sealed record Occurrence(
        DateTimeOffset Start,
        DateTimeOffset End,
        bool AllDay,
        bool Cancelled,
        string Summary,
        string Outcome,
        string? Id,
        string? Kind,
        string? Unit,
        DateTimeOffset? EventEnd,
        string? Reason);

    internal sealed record Expected(
        string Description,
        Window Window,
        string? Problem,
        string? Method,
        int? Depth,
        bool? Attachment,
        string? Organizer,
        IReadOnlyList<Item> Items,
        string? ExpansionProblem,
        IReadOnlyList<Occurrence> Occurrences);
}
