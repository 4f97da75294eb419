namespace MailOps.Compliance.Evaluation;

/// <summary>
/// A report as received: which report, unit and period it was classified as, when it arrived, who it went to,
/// and what the content checks found. Parsing produces these; Compliance only judges them.
/// </summary>
public sealed record Submission(
    string ReportId,
    string UnitId,
    string PeriodId,
    DateTimeOffset Received,
    string MessageId,
    string Sender,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<Finding> Findings)
{
    public string ObligationKey => $"{ReportId}/{UnitId}/{PeriodId}";
}
