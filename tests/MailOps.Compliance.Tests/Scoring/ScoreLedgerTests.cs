using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;
using MailOps.Compliance.Tests.Support;

namespace MailOps.Compliance.Tests.Scoring;

/// <summary>
/// The indexed scoring against the plain reading of the rule (filter the unit's results by due date, add up), over
/// two generated years of the shipped regime with late, incomplete and missing reports and additional penalties.
/// </summary>
public sealed class ScoreLedgerTests
{
    private static readonly Finding Blank = new(FindingKind.Incomplete, new("表格未填写完整", "form not filled"));

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/London")] // a zone other than the regime's, with summer time, so that the due day is not the regime's
    public void ScoreAll_EveryWeekMonthAndQuarterOfTwoYears_IsThePlainSum(string zoneId)
    {
        var regime = Shipped.Regime;
        var zone = RegimeZone.FromId(zoneId);
        var (results, entries) = TwoYears(regime, new Random(20261202));
        var units = regime.Directory.Units.Select(u => u.Id).Append("no-such-unit").ToList();
        var first = new DateOnly(2024, 12, 1);
        var last = new DateOnly(2027, 1, 31);
        var periods = Period.MonthsTouching(first, last)
            .Concat(Period.QuartersTouching(first, last))
            .Concat(Enumerable.Range(0, 115).Select(w => Period.Week(first.AddDays(7 * w))))
            .ToList();
        var calculator = new ScoreCalculator(zone, ScoringPolicy.Default);
        var ledger = calculator.Ledger(results, entries);

        results.Should().Contain(r => r.Deduction > 0).And.Contain(r => r.Deduction == 0);
        foreach (var period in periods)
        {
            var expected = units.Select(id => Reference(zone, id, period, results, entries)).ToList();
            ledger.ScoreAll(units, period).Should().Equal(expected, $"the ledger's cards of {period.Id} in {zoneId}");
            calculator.ScoreAll(units, period, results, entries).Should().Equal(expected, $"the calculator's cards of {period.Id} in {zoneId}");
        }
    }

    [Fact]
    public void Score_BelowZero_StopsAtZeroAndKeepsTheFullSum()
    {
        var entries = Enumerable.Range(0, 12)
            .Select(i => new ManualEntry(ManualEntryKind.AdditionalPenalty, "cq-crm", null, new DateOnly(2026, 11, 1 + i), 10, "r", "a", RegimeZone.Shanghai.StartOf(new DateOnly(2026, 11, 1))))
            .ToList();

        var card = new ScoreCalculator(RegimeZone.Shanghai, ScoringPolicy.Default).Ledger([], entries).Score("cq-crm", Period.Month(2026, 11));

        card.Should().Be(new ScoreCard("cq-crm", Period.Month(2026, 11), 0, 120, 0, 0, 120));
    }

    // Seed 000 section 4.2 read literally, as ScoreCalculator first wrote it.
    private static ScoreCard Reference(RegimeZone zone, string unitId, Period period, IReadOnlyList<ObligationResult> results, IReadOnlyList<ManualEntry> entries)
    {
        bool In(DateOnly day) => day >= period.Start && day <= period.End;
        var due = results.Where(r => r.Obligation.UnitId == unitId && In(zone.DateOf(r.Obligation.Due))).ToList();
        var penalties = entries.Where(e => e.Kind == ManualEntryKind.AdditionalPenalty && e.UnitId == unitId && In(e.EffectiveDate)).Sum(e => e.Points);
        var deductions = due.Sum(r => r.Deduction) + penalties;
        return new ScoreCard(unitId, period, Math.Max(0, ScoringPolicy.Default.StartingScore - deductions), deductions, due.Count, due.Count(r => r.Deduction > 0), penalties);
    }

    // Every obligation of 2025 and 2026: most sent on time, some late by up to four days, some incomplete, some never;
    // additional penalties (and a manual entry of another kind, which scoring leaves out) on random days.
    private static (IReadOnlyList<ObligationResult> Results, IReadOnlyList<ManualEntry> Entries) TwoYears(Regime regime, Random random)
    {
        var obligations = new ObligationGenerator(regime).Generate(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var submissions = new List<Submission>();
        foreach (var o in obligations)
        {
            var roll = random.Next(100);
            if (roll < 6)
            {
                continue;
            }

            var received = roll < 80 ? o.Due.AddHours(-random.Next(1, 48)) : o.Due.AddHours(random.Next(1, 96));
            Finding[] findings = roll % 9 == 0 ? [Blank] : [];
            submissions.Add(new Submission(o.ReportId, o.UnitId, o.Period.Id, received, $"<{o.Key}>", "s@example.com", [], findings));
        }

        var units = regime.Directory.Units.Select(u => u.Id).ToList();
        var recorded = RegimeZone.Shanghai.StartOf(new DateOnly(2025, 1, 1));
        var entries = Enumerable.Range(0, 60)
            .Select(i => new ManualEntry(
                i % 10 == 0 ? ManualEntryKind.Wrong : ManualEntryKind.AdditionalPenalty,
                units[random.Next(units.Count)],
                null,
                new DateOnly(2025, 1, 1).AddDays(random.Next(730)),
                random.Next(1, 20),
                "r",
                "a",
                recorded))
            .ToList();
        var asOf = RegimeZone.Shanghai.At(new DateOnly(2027, 1, 15), new TimeOnly(9, 0));
        return (new ObligationEvaluator(regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default).EvaluateAll(obligations, submissions, [], asOf), entries);
    }
}
