using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;

namespace MailOps.Compliance.Evaluation;

public enum ObligationStatus
{
    /// <summary>Received at or before the deadline.</summary>
    OnTime,

    /// <summary>Received after the deadline.</summary>
    Late,

    /// <summary>Not received, and the deadline has not passed.</summary>
    Pending,

    /// <summary>Not received, the deadline has passed, and arriving now would still cost less than missing it.</summary>
    Overdue,

    /// <summary>Not received, and too late for arriving to cost less than the cap, or the quarter's books are closed.</summary>
    Missing,
}

public static class ObligationStatuses
{
    /// <summary>The status's name in the JSON output: <c>on-time</c>, <c>late</c>, <c>pending</c>, <c>overdue</c>, <c>missing</c>.</summary>
    public static string Name(ObligationStatus status) => status switch
    {
        ObligationStatus.OnTime => "on-time",
        ObligationStatus.Late => "late",
        ObligationStatus.Pending => "pending",
        ObligationStatus.Overdue => "overdue",
        ObligationStatus.Missing => "missing",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>A finding with the points it costs before the per-instance cap.</summary>
public sealed record AssessedFinding(FindingKind Kind, LocalizedText Detail, int Points)
{
    /// <summary>Set on a person's judgement that was withdrawn: it stays listed, at 0 points.</summary>
    public Revocation? Revoked { get; init; }
}

/// <summary>
/// An obligation judged at an instant: its status, how many working days late, every finding, the deduction
/// after the cap, and the submission that counted (see <see cref="ObligationEvaluator"/> for which one).
/// </summary>
public sealed record ObligationResult(
    Obligation Obligation,
    ObligationStatus Status,
    int WorkingDaysLate,
    int Deduction,
    IReadOnlyList<AssessedFinding> Findings,
    Submission? Counted)
{
    /// <summary>
    /// When nothing counted: the first report received (by the judged instant) after the quarter's books closed.
    /// It does not count (the obligation is missing), but it is the missing obligation's evidence, shown with it.
    /// </summary>
    public Submission? AfterBooksClosed { get; init; }
}
