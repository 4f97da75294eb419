using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Compliance.Scoring;

/// <summary>
/// Scores assessed units per period. An obligation counts in the period its due date falls in (a fault happens
/// at the deadline), so a quarterly report due on 5 January counts in January and the first quarter.
/// </summary>
public sealed class ScoreCalculator(RegimeZone zone, ScoringPolicy policy)
{
    /// <param name="entries">The manual entries in force at the instant scored: a revoked additional penalty must be left out (<see cref="ManualEntry.IsRevokedAt"/>).</param>
    public ScoreCard Score(string unitId, Period period, IEnumerable<ObligationResult> results, IEnumerable<ManualEntry> entries)
    {
        var due = results.Where(r => r.Obligation.UnitId == unitId && Contains(period, zone.DateOf(r.Obligation.Due))).ToList();
        var penalties = entries
            .Where(e => e.Kind == ManualEntryKind.AdditionalPenalty && e.UnitId == unitId && Contains(period, e.EffectiveDate))
            .Sum(e => e.Points);
        var deductions = due.Sum(r => r.Deduction) + penalties;
        return new ScoreCard(
            unitId,
            period,
            Math.Max(0, policy.StartingScore - deductions),
            deductions,
            due.Count,
            due.Count(r => r.Deduction > 0),
            penalties);
    }

    /// <summary>Scores every given unit for the period, in the order given. For many periods, one <see cref="Ledger"/> is cheaper.</summary>
    public IReadOnlyList<ScoreCard> ScoreAll(IEnumerable<string> unitIds, Period period, IReadOnlyList<ObligationResult> results, IReadOnlyList<ManualEntry> entries)
    {
        var byUnit = results.ToLookup(r => r.Obligation.UnitId, StringComparer.Ordinal);
        return [.. unitIds.Select(id => Score(id, period, byUnit[id], entries))];
    }

    /// <summary>
    /// The results and entries indexed once, for scoring many periods (every month and quarter of a range) in time
    /// linear in the obligations rather than in obligations times periods. The lists are read now, not later.
    /// </summary>
    public ScoreLedger Ledger(IEnumerable<ObligationResult> results, IEnumerable<ManualEntry> entries) => new(zone, policy, results, entries);

    private static bool Contains(Period period, DateOnly day) => day >= period.Start && day <= period.End;
}
