using System.Text;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Parsing.Invitations;
using MailOps.Worker.Store;

namespace MailOps.Worker.Events;

/// <summary>
/// What a meeting request, cancellation or .ics calendar in a message says of project events: the occurrences it
/// declares (recognised by the event rules), those it cancels, the items of a series it no longer holds, and what
/// reads like an event but could not be placed (for HQ's triage). An ordinary meeting says nothing.
/// </summary>
/// <param name="Method">The invitation's method; null when the message holds no calendar that could be read.</param>
/// <param name="Series">
/// Items whose whole series the invitation states (its master is in it): every stored occurrence of one of them
/// between <see cref="From"/> and <see cref="To"/> that <see cref="Declarations"/> does not name is gone; a
/// cancelled series cancels every stored occurrence.
/// </param>
internal sealed record InvitationReading(
    InvitationMethod? Method,
    IReadOnlyList<EventDeclaration> Declarations,
    IReadOnlyList<EventCancellation> Cancellations,
    IReadOnlyList<string> Series,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<LocalizedText> Unplaced,
    int Ordinary,
    LocalizedText? Problem,
    bool IsMeetingRequest = false,
    string? Organizer = null)
{
    public static InvitationReading None { get; } = new(null, [], [], [], default, default, [], 0, null);

    /// <summary>What it did, in words for the stored outcome (and the triage line, when something could not be placed).</summary>
    public LocalizedText Describe()
    {
        var zh = new List<string>();
        var en = new List<string>();
        if (Declarations.Count > 0)
        {
            zh.Add($"声明事件 {Declarations.Count} 项");
            en.Add($"declares {Declarations.Count} event(s)");
        }

        if (Cancellations.Count > 0)
        {
            zh.Add($"取消 {Cancellations.Count} 项");
            en.Add($"cancels {Cancellations.Count}");
        }

        foreach (var detail in Unplaced)
        {
            zh.Add(detail.Zh);
            en.Add(detail.En);
        }

        if (Problem is { } problem)
        {
            zh.Add(problem.Zh);
            en.Add(problem.En);
        }

        if (zh.Count == 0)
        {
            zh.Add("普通会议，与报送无关");
            en.Add("an ordinary meeting, no project event");
        }

        return new LocalizedText("会议邀请：" + string.Join("；", zh), "invitation: " + string.Join("; ", en));
    }

    /// <summary>Whether the message is an invitation at all (a request, a cancellation or a published calendar).</summary>
    public bool IsInvitation => Method is InvitationMethod.Request or InvitationMethod.Cancel or InvitationMethod.Publish;
}

/// <summary>
/// Reads invitations from raw messages against the event rules and the directory. A series is expanded from
/// <see cref="Behind"/> before the message arrived to <see cref="Ahead"/> after it: one event per occurrence. Pure
/// over its input and thread-safe (each read builds its own calendar).
/// </summary>
internal sealed class InvitationEvents(Compliance.Regime regime, EventRules rules, InvitationOptions? options = null)
{
    /// <summary>How far back a series is expanded from its message's arrival: the two quarters the assessor judges.</summary>
    public static readonly TimeSpan Behind = TimeSpan.FromDays(190);

    /// <summary>How far ahead: a weekly meeting invited today is owed its minutes for a year and a month.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(400);

    /// <summary>The most events one message may declare; more is a flood, held for a person, not applied in part.</summary>
    public const int MaxEventsPerMessage = 500;

    private static readonly byte[][] Markers = [Encoding.ASCII.GetBytes("text/calendar"), Encoding.ASCII.GetBytes(".ics")];

    private readonly EventRecognizer _recognizer = new(rules, regime.Directory, regime.Zone);
    private readonly InvitationOptions _options = options ?? InvitationOptions.Default;

    public EventRules Rules => rules;

    public Compliance.Regime Regime => regime;

    /// <summary>What a calendar item's occurrence is (the shared calendar's items go through the same rules).</summary>
    public EventRecognition Recognize(CalendarItem item) => _recognizer.Recognize(item);

    /// <summary>Whether a message's subject reads like an event (a kind or a hint word): worth fetching to look for an invitation.</summary>
    public bool MayBeEvent(string? subject) =>
        subject is not null && (rules.MatchKind(subject, []) is not null || rules.MatchHint(subject, []) is not null);

    /// <summary>Whether the raw message could hold a calendar at all; a byte scan, so ordinary mail is not parsed twice.</summary>
    public static bool MayHoldCalendar(byte[] raw)
    {
        var span = raw.AsSpan();
        foreach (var marker in Markers)
        {
            if (span.IndexOf(marker) >= 0 || IndexOfIgnoreCase(span, marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="messageRef">The Message-ID (or mailbox id) the events are learnt from, kept as their source.</param>
    /// <param name="sender">Who sent it: the author of what it declares, in the events' history.</param>
    public InvitationReading Read(byte[] raw, DateTimeOffset received, string messageRef, string? sender)
    {
        if (!MayHoldCalendar(raw))
        {
            return InvitationReading.None;
        }

        var result = InvitationReader.Read(raw, regime.Zone, _options);
        if (result.Invitation is not { } invitation)
        {
            // A calendar part that cannot be read is said only when one was found: an ordinary attachment named *.ics.
            return result.Problem is InvitationProblem.NoCalendar or null
                ? InvitationReading.None
                : InvitationReading.None with { Method = InvitationMethod.Request, Problem = result.Detail };
        }

        if (invitation.Method == InvitationMethod.Other)
        {
            return InvitationReading.None with { Method = InvitationMethod.Other };
        }

        var from = received - Behind;
        var to = received + Ahead;
        var expansion = invitation.Expand(from, to);
        if (expansion.Problem is not null || expansion.Occurrences.Count > MaxEventsPerMessage)
        {
            // A series that cannot be expanded whole is applied not at all: in part, an update would drop real occurrences.
            var detail = expansion.Detail ?? new LocalizedText(
                $"一封邀请展开为 {expansion.Occurrences.Count} 次，超过上限 {MaxEventsPerMessage}，未采用",
                $"the invitation expands to {expansion.Occurrences.Count} occurrences, more than {MaxEventsPerMessage}; not applied");
            return InvitationReading.None with { Method = invitation.Method, Problem = detail, Organizer = invitation.Organizer };
        }

        var author = sender ?? invitation.Organizer ?? "invitation";
        var declarations = new List<EventDeclaration>();
        var cancellations = new List<EventCancellation>();
        var unplaced = new List<LocalizedText>();
        var ordinary = 0;
        var cancelsAll = invitation.Method == InvitationMethod.Cancel;
        foreach (var occurrence in expansion.Occurrences)
        {
            var id = EventIds.Of(occurrence.Item, regime.Zone);
            if (cancelsAll || occurrence.IsCancelled)
            {
                cancellations.Add(new EventCancellation(id, EventSource.Invitation, messageRef, author, CancelReason(invitation), occurrence.Sequence, invitation.Organizer));
                continue;
            }

            switch (_recognizer.Recognize(occurrence.Item))
            {
                case EventRecognition.Recognised recognised when !Vouches(sender, invitation.Organizer, recognised.Event.UnitId):
                    // Forwarded by someone who is neither its organizer nor of the unit it is placed on: a person decides.
                    var foreign = new LocalizedText(
                        $"识别为 {recognised.Event.Kind}（{recognised.Event.UnitId}），但转发人 {sender} 既不是组织者也不属于该单位",
                        $"recognised as {recognised.Event.Kind} of {recognised.Event.UnitId}, but {sender} is neither its organizer nor of that unit");
                    if (!unplaced.Contains(foreign))
                    {
                        unplaced.Add(foreign);
                    }

                    break;
                case EventRecognition.Recognised recognised:
                    declarations.Add(new EventDeclaration(recognised.Event with { LearntAt = received }, EventSource.Invitation, messageRef, author, occurrence.Sequence, invitation.Organizer));
                    break;
                case EventRecognition.Unplaceable unplaceable:
                    if (!unplaced.Contains(unplaceable.Detail))
                    {
                        unplaced.Add(unplaceable.Detail);
                    }

                    break;
                default:
                    ordinary++;
                    break;
            }
        }

        var series = invitation.Items.Where(i => i.RecurrenceId is null).Select(i => EventIds.Prefix + i.Uid).Distinct(StringComparer.Ordinal).ToList();
        var meetingRequest = invitation.Location is { Depth: 0, IsAttachment: false };
        return new InvitationReading(invitation.Method, declarations, cancellations, series, from, to, unplaced, ordinary, expansion.Detail, meetingRequest, invitation.Organizer);
    }

    // The sender speaks for an event when it organised it, or is one of the unit's own addresses (forwarding its meeting).
    private bool Vouches(string? sender, string? organizer, string unitId)
    {
        var address = sender is not null && MimeKit.MailboxAddress.TryParse(sender, out var mailbox) ? mailbox.Address : sender;
        return address is not null
            && (string.Equals(address, organizer, StringComparison.OrdinalIgnoreCase) || _recognizer.Speaks(address, unitId));
    }

    private static string CancelReason(Invitation invitation) =>
        invitation.Method == InvitationMethod.Cancel ? $"会议已取消 / meeting cancelled: {invitation.Summary}" : $"该次会议已取消 / occurrence cancelled: {invitation.Summary}";

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> span, byte[] marker)
    {
        for (var i = 0; i + marker.Length <= span.Length; i++)
        {
            var j = 0;
            while (j < marker.Length && (span[i + j] | 0x20) == (marker[j] | 0x20))
            {
                j++;
            }

            if (j == marker.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
