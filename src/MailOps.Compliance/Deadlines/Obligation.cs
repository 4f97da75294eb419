namespace MailOps.Compliance.Deadlines;

/// <summary>
/// One report instance a unit owes: the report, the period or event it covers, the instant it is due
/// (received at or before <see cref="Due"/> is on time), and the instant from which it can be sent.
/// </summary>
/// <param name="LearntLate">
/// Set when the obligation's event was learnt after the report would have fallen due: the instant it was learnt.
/// <see cref="Due"/> is then the deferred due (<see cref="ObligationGenerator.LateLearntDue"/>), not the rule's.
/// </param>
public sealed record Obligation(string ReportId, string UnitId, Period Period, DateTimeOffset Due, DateTimeOffset Opens, string? EventId = null, DateTimeOffset? LearntLate = null)
{
    /// <summary>Identifies the obligation across runs: <c>report/unit/period</c>.</summary>
    public string Key => $"{ReportId}/{UnitId}/{Period.Id}";
}
