using MailOps.Compliance.Common;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Reading;

namespace MailOps.Parsing;

/// <summary>
/// What one message is: a submission (<see cref="Reason"/> is null), or an explained non-match that still
/// carries what was recognized. <see cref="Submission"/> is set whenever report, unit and period are all
/// known: for a match, and for an unauthenticated sender, so that a person can accept it.
/// </summary>
public sealed record ParseOutcome
{
    public required string MessageId { get; init; }

    /// <summary>What was read of the message; null when it could not be read at all.</summary>
    public ReadMessage? Message { get; init; }

    public string? NormalizedSubject { get; init; }

    public string? ReportId { get; init; }

    public string? UnitId { get; init; }

    public string? PeriodId { get; init; }

    /// <summary>The address that submitted for the unit (From, Sender or Reply-To).</summary>
    public string? Submitter { get; init; }

    public NonMatchReason? Reason { get; init; }

    /// <summary>The reason in words, naming what was recognized.</summary>
    public LocalizedText? ReasonDetail { get; init; }

    /// <summary>Content and distribution findings (incomplete, recipients-missing).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public Submission? Submission { get; init; }

    public bool Matched => Reason is null;
}
