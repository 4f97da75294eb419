namespace MailOps.Parsing;

/// <summary>
/// Why a message is not (yet) a submission. Their names (in JSON, in the store, in triage) and what each asks
/// of a person are in <see cref="NonMatchReasons"/>: the one place a new reason is named and placed.
/// </summary>
public enum NonMatchReason
{
    TooLarge,
    TooManyParts,
    Unparseable,
    NoDate,
    OwnMail,
    DeliveryReport,
    AutoReply,
    Reply,

    /// <summary>A reply (or forward) that carries an attachment or report content: perhaps a report sent as a reply.</summary>
    ReplyWithContent,

    /// <summary>A reply to a nudge or overdue notice MailOps sent that carries nothing of the report ("已发送").</summary>
    ReplyToNotice,

    UnknownReport,
    UnknownSender,
    Ambiguous,
    NotOwed,
    PeriodUnknown,
    UnauthenticatedSender,

    /// <summary>MailOps could not handle the message (its MIME could not be fetched, or handling it failed) and stopped trying.</summary>
    HandlingFailed,

    /// <summary>A meeting request, cancellation or calendar (.ics): it declares or cancels project events, or is an ordinary meeting.</summary>
    Invitation,

    /// <summary>A meeting request that reads like a project event (例会, 开盘, 投诉 ...) but whose kind or unit could not be told.</summary>
    EventUnplaced,

    /// <summary>A reviewer's action from the digest by mail (<c>[MailOps] dismiss …</c>): applied or refused, never a report.</summary>
    MailAction,
}

/// <summary>What a non-match asks of a person.</summary>
public enum NonMatchDisposition
{
    /// <summary>Nothing: not a report (MailOps's own mail, a delivery report, an auto-reply, a plain reply).</summary>
    Quiet,

    /// <summary>Shown in HQ's triage: it looked like a report, or could not be read, and a person should look.</summary>
    Triage,

    /// <summary>Held until a person accepts it: a report whose sender could not be authenticated.</summary>
    Acceptance,
}

public static class NonMatchReasons
{
    /// <summary>The reason's name in the JSON output, the store and the triage list: <c>too-large</c>, <c>unknown-sender</c>, ...</summary>
    public static string Name(NonMatchReason reason) => reason switch
    {
        NonMatchReason.TooLarge => "too-large",
        NonMatchReason.TooManyParts => "too-many-parts",
        NonMatchReason.Unparseable => "unparseable",
        NonMatchReason.NoDate => "no-date",
        NonMatchReason.OwnMail => "own-mail",
        NonMatchReason.DeliveryReport => "delivery-report",
        NonMatchReason.AutoReply => "auto-reply",
        NonMatchReason.Reply => "reply",
        NonMatchReason.ReplyWithContent => "reply-with-content",
        NonMatchReason.ReplyToNotice => "reply-to-notice",
        NonMatchReason.UnknownReport => "unknown-report",
        NonMatchReason.UnknownSender => "unknown-sender",
        NonMatchReason.Ambiguous => "ambiguous",
        NonMatchReason.NotOwed => "not-owed",
        NonMatchReason.PeriodUnknown => "period-unknown",
        NonMatchReason.UnauthenticatedSender => "unauthenticated-sender",
        NonMatchReason.HandlingFailed => "handling-failed",
        NonMatchReason.Invitation => "invitation",
        NonMatchReason.EventUnplaced => "event-unplaced",
        NonMatchReason.MailAction => "mail-action",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>What the reason asks of a person; every reason has one, so a new reason cannot silently miss triage.</summary>
    public static NonMatchDisposition Disposition(NonMatchReason reason) => reason switch
    {
        NonMatchReason.OwnMail or NonMatchReason.DeliveryReport or NonMatchReason.AutoReply or NonMatchReason.Reply
            or NonMatchReason.Invitation or NonMatchReason.MailAction => NonMatchDisposition.Quiet,
        NonMatchReason.UnauthenticatedSender => NonMatchDisposition.Acceptance,
        NonMatchReason.TooLarge or NonMatchReason.TooManyParts or NonMatchReason.Unparseable or NonMatchReason.NoDate
            or NonMatchReason.ReplyWithContent or NonMatchReason.ReplyToNotice
            or NonMatchReason.UnknownReport or NonMatchReason.UnknownSender or NonMatchReason.Ambiguous
            or NonMatchReason.NotOwed or NonMatchReason.PeriodUnknown or NonMatchReason.HandlingFailed
            or NonMatchReason.EventUnplaced => NonMatchDisposition.Triage,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Reads a name written by <see cref="Name"/>.</summary>
    public static bool TryParse(string? name, out NonMatchReason reason)
    {
        foreach (var candidate in Enum.GetValues<NonMatchReason>())
        {
            if (Name(candidate) == name)
            {
                reason = candidate;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
