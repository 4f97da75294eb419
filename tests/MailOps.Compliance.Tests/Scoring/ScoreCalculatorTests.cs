using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Scoring;

/// <summary>Worked examples of seed 000 section 4.2: deductions from 100, stacking, the 10-point cap, additional penalties.</summary>
public sealed class ScoreCalculatorTests
{
    private static readonly ObligationEvaluator Evaluator = new(Shipped.Regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default);
    private static readonly ScoreCalculator Calculator = new(RegimeZone.Shanghai, ScoringPolicy.Default);
    private static readonly Finding Blank = new(FindingKind.Incomplete, new("表格未填写完整", "form not filled"));

    private static Obligation Weekly(string monday) =>
        new("warranty-weekly", "wy-cq-warranty", Period.Week(D(monday).AddDays(-7)), T($"{monday} 17:00"), T($"{monday} 00:00"));

    private static Submission Sent(Obligation o, string at, params Finding[] findings) =>
        new(o.ReportId, o.UnitId, o.Period.Id, T(at), $"<{at}>", "head@wy-cq.example.com", [], findings);

    [Fact]
    public void Score_TheSeedsWorkedMonth_AddsEachInstancesCappedDeduction()
    {
        var w1 = Weekly("2026-11-02");
        var w2 = Weekly("2026-11-09");
        var w3 = Weekly("2026-11-16");
        var w4 = Weekly("2026-11-23");
        var w5 = Weekly("2026-11-30");
        var sent = new[]
        {
            Sent(w1, "2026-11-03 09:00"),          // 迟报 one working day: 5
            Sent(w2, "2026-11-09 12:00", Blank),   // 缺报: 5
                                                   // w3 never sent, 漏报: 10
            Sent(w4, "2026-11-25 09:00", Blank),   // 迟报 two days (10) + 缺报 (5): capped at 10
            Sent(w5, "2026-11-30 10:00"),          // on time: 0
        };
        var results = Evaluator.EvaluateAll([w1, w2, w3, w4, w5], sent, [], T("2026-12-01 09:00"));

        var card = Calculator.Score("wy-cq-warranty", Period.Month(2026, 11), results, []);

        results.Select(r => r.Deduction).Should().Equal(5, 5, 10, 10, 0);
        card.Should().Be(new ScoreCard("wy-cq-warranty", Period.Month(2026, 11), 70, 30, 5, 4, 0));
    }

    [Fact]
    public void Score_AnAdditionalPenalty_CountsOutsideTheCapInItsMonthAndQuarter()
    {
        var w = Weekly("2026-11-23");
        var results = Evaluator.EvaluateAll([w], [], [], T("2026-11-30 09:00"));
        var penalty = new ManualEntry(ManualEntryKind.AdditionalPenalty, w.UnitId, null, D("2026-11-28"), 15, "瞒报造成媒体负面报道", "李娜", T("2026-11-28 10:00"));

        var month = Calculator.Score(w.UnitId, Period.Month(2026, 11), results, [penalty]);
        var quarter = Calculator.Score(w.UnitId, Period.Quarter(2026, 4), results, [penalty]);
        var october = Calculator.Score(w.UnitId, Period.Month(2026, 10), results, [penalty]);

        month.Should().Match<ScoreCard>(c => c.Score == 75 && c.Deductions == 25 && c.AdditionalPenalties == 15);
        quarter.Score.Should().Be(75);
        october.Score.Should().Be(100);
    }

    [Fact]
    public void Score_AQuarterlyReportDueInJanuary_CountsInJanuary()
    {
        var q = new Obligation("defect-feedback-quarterly", "cq-crm", Period.Quarter(2026, 4), T("2027-01-05 23:59:59"), T("2027-01-01 00:00"));
        var results = Evaluator.EvaluateAll([q], [], [], T("2027-01-20 09:00"));

        Calculator.Score("cq-crm", Period.Month(2027, 1), results, []).Score.Should().Be(90);
        Calculator.Score("cq-crm", Period.Quarter(2026, 4), results, []).Score.Should().Be(100);
    }

    [Fact]
    public void Score_NeverFallsBelowZero_ButKeepsTheFullDeductions()
    {
        var days = Enumerable.Range(1, 15).Select(d => new Obligation("callcenter-daily", "callcenter", Period.Day(new DateOnly(2026, 11, d)), T($"2026-11-{d:00} 21:00"), T($"2026-11-{d:00} 00:00"))).ToList();
        var results = Evaluator.EvaluateAll(days, [], [], T("2026-11-30 09:00"));

        var card = Calculator.Score("callcenter", Period.Month(2026, 11), results, []);

        card.Score.Should().Be(0);
        card.Deductions.Should().Be(150);
    }
}
