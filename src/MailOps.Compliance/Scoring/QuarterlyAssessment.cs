using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Compliance.Scoring;

/// <summary>A unit's place in a quarter: ranked by the mean of its three monthly scores (seed 004).</summary>
public sealed record RankedUnit(string UnitId, int Rank, decimal MeanMonthlyScore, IReadOnlyList<ScoreCard> Months, ScoreCard Quarter);

/// <summary>A unit below the watch threshold for <see cref="Months"/>, consecutive months ending in the quarter.</summary>
public sealed record WatchedUnit(string UnitId, IReadOnlyList<Period> Months);

/// <summary>
/// The quarter's assessment: every assessed unit ranked (equal means share a rank, the next rank skips), the
/// star units (rank 1; 明星客户服务部), and the units below the threshold three months running.
/// </summary>
public sealed record QuarterlyAssessment(Period Quarter, IReadOnlyList<RankedUnit> Ranking, IReadOnlyList<string> Stars, IReadOnlyList<WatchedUnit> Watched)
{
    /// <param name="monthly">Monthly cards per unit: the quarter's three months, and the months before it so that a run can start earlier.</param>
    /// <param name="quarterly">The quarter's own card per unit (seed 000's quarterly score).</param>
    public static QuarterlyAssessment Build(Period quarter, IReadOnlyList<ScoreCard> monthly, IReadOnlyList<ScoreCard> quarterly, ScoringPolicy policy)
    {
        var byUnit = monthly.ToLookup(c => c.UnitId, StringComparer.Ordinal);
        var rows = quarterly
            .Select(q =>
            {
                var months = byUnit[q.UnitId].Where(c => c.Period.Start >= quarter.Start && c.Period.End <= quarter.End).OrderBy(c => c.Period.Start).ToList();
                var mean = months.Count == 0 ? q.Score : Math.Round(months.Average(c => (decimal)c.Score), 2, MidpointRounding.AwayFromZero);
                return (Quarter: q, Months: months, Mean: mean);
            })
            .OrderByDescending(r => r.Mean)
            .ThenBy(r => r.Quarter.UnitId, StringComparer.Ordinal)
            .ToList();

        var ranking = new List<RankedUnit>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i > 0 && rows[i].Mean == rows[i - 1].Mean ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new RankedUnit(rows[i].Quarter.UnitId, rank, rows[i].Mean, rows[i].Months, rows[i].Quarter));
        }

        var stars = ranking.Where(r => r.Rank == 1).Select(r => r.UnitId).ToList();
        var watched = quarterly
            .Select(q => Watch(q.UnitId, byUnit[q.UnitId], quarter, policy))
            .OfType<WatchedUnit>()
            .ToList();
        return new QuarterlyAssessment(quarter, ranking, stars, watched);
    }

    private static WatchedUnit? Watch(string unitId, IEnumerable<ScoreCard> cards, Period quarter, ScoringPolicy policy)
    {
        var run = new List<Period>();
        List<Period>? found = null;
        foreach (var card in cards.Where(c => c.Period.End <= quarter.End).OrderBy(c => c.Period.Start))
        {
            var follows = run.Count > 0 && run[^1].End.AddDays(1) == card.Period.Start;
            if (card.Score < policy.WatchThreshold)
            {
                run = follows ? [.. run, card.Period] : [card.Period];
                if (run.Count >= policy.WatchMonths && card.Period.Start >= quarter.Start)
                {
                    found = run;
                }
            }
            else
            {
                run = [];
            }
        }

        return found is null ? null : new WatchedUnit(unitId, found);
    }
}
