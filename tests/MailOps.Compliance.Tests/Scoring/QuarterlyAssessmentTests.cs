using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;

namespace MailOps.Compliance.Tests.Scoring;

public sealed class QuarterlyAssessmentTests
{
    private static ScoreCard Month(string unit, int month, int score) =>
        new(unit, Period.Month(2026, month), score, 100 - score, 10, 0, 0);

    private static ScoreCard Quarter(string unit, int score) =>
        new(unit, Period.Quarter(2026, 4), score, 100 - score, 30, 0, 0);

    [Fact]
    public void Build_RanksByTheMeanOfTheThreeMonthlyScores_NotTheQuarterlyScore()
    {
        var monthly = new[]
        {
            Month("a", 10, 90), Month("a", 11, 90), Month("a", 12, 90),
            Month("b", 10, 100), Month("b", 11, 100), Month("b", 12, 85),
        };

        var assessment = QuarterlyAssessment.Build(Period.Quarter(2026, 4), monthly, [Quarter("a", 95), Quarter("b", 70)], ScoringPolicy.Default);

        assessment.Ranking.Select(r => (r.UnitId, r.Rank, r.MeanMonthlyScore)).Should().Equal(("b", 1, 95m), ("a", 2, 90m));
        assessment.Stars.Should().Equal("b");
    }

    [Fact]
    public void Build_EqualMeans_ShareARankAndTheNextRankSkips()
    {
        var monthly = new[]
        {
            Month("a", 10, 90), Month("a", 11, 90), Month("a", 12, 90),
            Month("b", 10, 80), Month("b", 11, 100), Month("b", 12, 90),
            Month("c", 10, 85), Month("c", 11, 85), Month("c", 12, 85),
        };

        var assessment = QuarterlyAssessment.Build(Period.Quarter(2026, 4), monthly, [Quarter("a", 70), Quarter("b", 70), Quarter("c", 55)], ScoringPolicy.Default);

        assessment.Ranking.Select(r => (r.UnitId, r.Rank)).Should().Equal(("a", 1), ("b", 1), ("c", 3));
        assessment.Stars.Should().Equal("a", "b");
    }

    [Fact]
    public void Build_ThreeMonthsBelowEightyRunningIntoTheQuarter_IsWatched()
    {
        var monthly = new[]
        {
            Month("a", 9, 75), Month("a", 10, 79), Month("a", 11, 60), Month("a", 12, 95),
            Month("b", 9, 70), Month("b", 10, 80), Month("b", 11, 70), Month("b", 12, 70),
            Month("c", 8, 70), Month("c", 9, 70), Month("c", 10, 90), Month("c", 11, 90), Month("c", 12, 90),
        };

        var assessment = QuarterlyAssessment.Build(Period.Quarter(2026, 4), monthly, [Quarter("a", 0), Quarter("b", 0), Quarter("c", 0)], ScoringPolicy.Default);

        assessment.Watched.Should().ContainSingle().Which.Should().Match<WatchedUnit>(w =>
            w.UnitId == "a" && w.Months.Select(m => m.Id).SequenceEqual(new[] { "2026-09", "2026-10", "2026-11" }));
    }

    [Fact]
    public void Build_AGapInTheMonths_BreaksTheRun()
    {
        var monthly = new[] { Month("a", 10, 70), Month("a", 12, 70), Month("a", 9, 70) };

        var assessment = QuarterlyAssessment.Build(Period.Quarter(2026, 4), monthly, [Quarter("a", 0)], ScoringPolicy.Default);

        assessment.Watched.Should().BeEmpty();
    }
}
