namespace MailOps.Parsing;

/// <summary>Why a message is not (yet) a submission. Their names in JSON are in <see cref="NonMatchReasons"/>.</summary>
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
    UnknownReport,
    UnknownSender,
    Ambiguous,
    NotOwed,
    PeriodUnknown,
    UnauthenticatedSender,
}

public static class NonMatchReasons
{
    /// <summary>The reason's name in the JSON output and the triage list: <c>too-large</c>, <c>unknown-sender</c>, ...</summary>
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
        NonMatchReason.UnknownReport => "unknown-report",
        NonMatchReason.UnknownSender => "unknown-sender",
        NonMatchReason.Ambiguous => "ambiguous",
        NonMatchReason.NotOwed => "not-owed",
        NonMatchReason.PeriodUnknown => "period-unknown",
        NonMatchReason.UnauthenticatedSender => "unauthenticated-sender",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
