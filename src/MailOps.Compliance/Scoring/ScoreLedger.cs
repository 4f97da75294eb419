using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Compliance.Scoring;

/// <summary>
/// Results and additional penalties indexed once for scoring any number of periods: per unit, the local due dates
/// in order with running sums of deductions and faults, and the penalties' dates with running sums of their points.
/// A card is then two binary searches per unit, so scoring every month and quarter of several years stays linear in
/// the obligations. Cards are those of <see cref="ScoreCalculator.Score"/>.
/// </summary>
public sealed class ScoreLedger
{
    private static readonly UnitLedger Nothing = new([], [0], [0], [], [0]);

    private readonly ScoringPolicy _policy;
    private readonly Dictionary<string, UnitLedger> _units;

    internal ScoreLedger(RegimeZone zone, ScoringPolicy policy, IEnumerable<ObligationResult> results, IEnumerable<ManualEntry> entries)
    {
        _policy = policy;
        var byUnit = results.ToLookup(r => r.Obligation.UnitId, StringComparer.Ordinal);
        var penalties = entries
            .Where(e => e.Kind == ManualEntryKind.AdditionalPenalty)
            .ToLookup(e => e.UnitId, StringComparer.Ordinal);

        // Most obligations share their deadline with many others (every unit's daily report is due at the same
        // minute), so each distinct instant is converted to the regime's day once. Equal instants (whatever their
        // offsets) fall on the same local day.
        var days = new Dictionary<DateTimeOffset, DateOnly>();
        DateOnly DayOf(DateTimeOffset due)
        {
            if (!days.TryGetValue(due, out var day))
            {
                day = zone.DateOf(due);
                days[due] = day;
            }

            return day;
        }

        _units = byUnit.Select(g => g.Key)
            .Union(penalties.Select(g => g.Key), StringComparer.Ordinal)
            .ToDictionary(id => id, id => UnitLedger.Of(DayOf, byUnit[id], penalties[id]), StringComparer.Ordinal);
    }

    /// <summary>The unit's card for the period: the obligations due in it and the penalties dated in it (both ends inclusive).</summary>
    public ScoreCard Score(string unitId, Period period)
    {
        var unit = _units.GetValueOrDefault(unitId, Nothing);
        var (from, to) = Range(unit.Due, period);
        var (penaltyFrom, penaltyTo) = Range(unit.PenaltyDays, period);
        var penalties = checked((int)(unit.Penalties[penaltyTo] - unit.Penalties[penaltyFrom]));
        var deductions = checked((int)(unit.Deducted[to] - unit.Deducted[from])) + penalties;
        return new ScoreCard(unitId, period, Math.Max(0, _policy.StartingScore - deductions), deductions, to - from, unit.Faulted[to] - unit.Faulted[from], penalties);
    }

    /// <summary>Every given unit's card for the period, in the order given.</summary>
    public IReadOnlyList<ScoreCard> ScoreAll(IEnumerable<string> unitIds, Period period) => [.. unitIds.Select(id => Score(id, period))];

    // The indexes [from, to) of the sorted days that fall in the period.
    private static (int From, int To) Range(DateOnly[] days, Period period) => (LowerBound(days, period.Start), LowerBound(days, period.End.AddDays(1)));

    // The first index whose day is on or after the given one.
    private static int LowerBound(DateOnly[] days, DateOnly day)
    {
        int low = 0, high = days.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (days[middle] < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Running sums have one more element than their days: element i is the sum over the first i days.
    private sealed record UnitLedger(DateOnly[] Due, long[] Deducted, int[] Faulted, DateOnly[] PenaltyDays, long[] Penalties)
    {
        public static UnitLedger Of(Func<DateTimeOffset, DateOnly> dayOf, IEnumerable<ObligationResult> results, IEnumerable<ManualEntry> penalties)
        {
            var due = results.Select(r => (Day: dayOf(r.Obligation.Due), r.Deduction)).OrderBy(d => d.Day).ToArray();
            var deducted = new long[due.Length + 1];
            var faulted = new int[due.Length + 1];
            for (var i = 0; i < due.Length; i++)
            {
                deducted[i + 1] = deducted[i] + due[i].Deduction;
                faulted[i + 1] = faulted[i] + (due[i].Deduction > 0 ? 1 : 0);
            }

            var dated = penalties.Select(e => (Day: e.EffectiveDate, e.Points)).OrderBy(p => p.Day).ToArray();
            var points = new long[dated.Length + 1];
            for (var i = 0; i < dated.Length; i++)
            {
                points[i + 1] = points[i] + dated[i].Points;
            }

            return new UnitLedger([.. due.Select(d => d.Day)], deducted, faulted, [.. dated.Select(p => p.Day)], points);
        }
    }
}
