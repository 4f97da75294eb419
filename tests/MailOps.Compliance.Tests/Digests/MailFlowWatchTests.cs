using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Digests;

/// <summary>A routine report kind owed by two units, sent by both every day until 2026-11-20 and then no more.</summary>
public sealed class MailFlowWatchTests
{
    private static readonly Regime Regime = Build.Regime([Build.Report("daily", new DailyRule(new TimeOnly(21, 0)))], null, Build.Unit("u1"), Build.Unit("u2"));

    private static IReadOnlyList<ObligationResult> Judged(string now, string lastSent = "2026-11-20", int units = 2)
    {
        var obligations = new ObligationGenerator(Regime).Generate(D("2026-11-01"), D(now[..10]))
            .Where(o => string.CompareOrdinal(o.UnitId, $"u{units}") <= 0)
            .ToList();
        var sent = obligations
            .Where(o => o.Period.Start <= D(lastSent))
            .Select(o => new Submission(o.ReportId, o.UnitId, o.Period.Id, o.Due.AddHours(-1), $"<{o.Key}@example.com>", $"{o.UnitId}@example.com", [], []))
            .ToList();
        return new ObligationEvaluator(Regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default).EvaluateAll(obligations, sent, [], T(now));
    }

    [Theory]
    [InlineData("the day after the last: late, not unseen", "2026-11-21 21:01", false)]
    [InlineData("two days after: still within twice its period", "2026-11-22 19:59", false)]
    [InlineData("two days and more: unseen", "2026-11-22 20:01", true)]
    [InlineData("a week after: unseen", "2026-11-27 10:00", true)]
    public void Unseen_AKindThatStopsArriving_IsNamedOnceTwiceItsPeriodHasPassed(string edge, string now, bool unseen)
    {
        var found = MailFlowWatch.Unseen(Regime.Catalog, Judged(now), T(now));

        if (unseen)
        {
            found.Should().ContainSingle(edge).Which.Should().Be(new UnseenReport(Regime.Catalog["daily"], T("2026-11-20 20:00"), TimeSpan.FromDays(2)));
        }
        else
        {
            found.Should().BeEmpty(edge);
        }
    }

    [Fact]
    public void Unseen_AKindNeverSeenSinceMonitoringBegan_IsNamedWithNoLastSighting()
    {
        var found = MailFlowWatch.Unseen(Regime.Catalog, Judged("2026-11-10 10:00", lastSent: "2026-10-01"), T("2026-11-10 10:00"));

        found.Should().ContainSingle().Which.LastSeen.Should().BeNull();
    }

    [Fact]
    public void Unseen_AKindOwedByOneUnit_IsThatUnitsLatenessNotTheMailFlow()
    {
        MailFlowWatch.Unseen(Regime.Catalog, Judged("2026-11-27 10:00", units: 1), T("2026-11-27 10:00")).Should().BeEmpty();
    }

    [Fact]
    public void Unseen_JustAfterMonitoringBegan_IsNothingYet()
    {
        MailFlowWatch.Unseen(Regime.Catalog, Judged("2026-11-02 10:00", lastSent: "2026-10-01"), T("2026-11-02 10:00")).Should().BeEmpty("the kind has been owed for less than two days");
    }
}
