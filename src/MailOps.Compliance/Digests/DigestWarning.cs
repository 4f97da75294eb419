using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Digests;

/// <summary>What a digest warning is about, which decides where the digest shows it.</summary>
public enum DigestWarningKind
{
    /// <summary>MailOps itself failed (the mailbox could not be read, the store could not be written), so the digest may be incomplete: shown first.</summary>
    Operational,

    /// <summary>
    /// The administrator's task, not a fault of MailOps (the working-day calendar's data running out, the Graph
    /// certificate expiring): logged and shown by <c>mailops status</c>, and one line at the digest's foot.
    /// </summary>
    Administrator,
}

/// <summary>Something headquarters should know about MailOps itself, with its kind.</summary>
public sealed record DigestWarning(DigestWarningKind Kind, LocalizedText Message)
{
    public static DigestWarning Operational(LocalizedText message) => new(DigestWarningKind.Operational, message);

    public static DigestWarning Of(CalendarWarning warning) => new(DigestWarningKind.Administrator, warning.Message);

    public static DigestWarning ForTheAdministrator(LocalizedText message) => new(DigestWarningKind.Administrator, message);
}
