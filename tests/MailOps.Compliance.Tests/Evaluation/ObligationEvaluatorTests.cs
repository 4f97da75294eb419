using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Evaluation;

public sealed class ObligationEvaluatorTests
{
    private static readonly ObligationEvaluator Evaluator = new(Shipped.Regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default);

    // A weekly report due Monday 2026-11-23 17:00.
    private static readonly Obligation Weekly = new("warranty-weekly", "wy-cq-warranty", Period.Week(D("2026-11-16")), T("2026-11-23 17:00"), T("2026-11-23 00:00"));

    private static Submission Sent(string at, params Finding[] findings) =>
        new(Weekly.ReportId, Weekly.UnitId, Weekly.Period.Id, T(at), $"<{at}@example.com>", "head@wy-cq.example.com", ["cs@hq.example.com"], findings);

    private static readonly Finding Blank = new(FindingKind.Incomplete, new("“投诉量”未填写", "\"投诉量\" is blank"));
    private static readonly Finding NoCc = new(FindingKind.RecipientsMissing, new("未抄送集团客户服务部", "group.cs not copied"));

    private static ObligationResult Evaluate(string asOf, IEnumerable<Submission>? sent = null, IEnumerable<ManualEntry>? entries = null) =>
        Evaluator.Evaluate(Weekly, sent ?? [], entries ?? [], T(asOf));

    [Fact]
    public void Evaluate_NothingBeforeTheDeadline_IsPendingAndCostsNothing()
    {
        var result = Evaluate("2026-11-23 16:00");

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.Pending && r.Deduction == 0 && r.Findings.Count == 0);
    }

    [Fact]
    public void Evaluate_ReceivedOnTheSecond_IsOnTime()
    {
        var result = Evaluate("2026-11-24 09:00", [Sent("2026-11-23 17:00")]);

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.OnTime && r.Deduction == 0 && r.WorkingDaysLate == 0);
    }

    [Fact]
    public void Evaluate_ReceivedOneWorkingDayLate_CostsFive()
    {
        var result = Evaluate("2026-11-25 09:00", [Sent("2026-11-24 10:00")]);

        result.Status.Should().Be(ObligationStatus.Late);
        result.WorkingDaysLate.Should().Be(1);
        result.Deduction.Should().Be(5);
        result.Findings.Should().ContainSingle().Which.Detail.En.Should().Be("late by 1 working day(s): due 2026-11-23 17:00, received 2026-11-24 10:00");
    }

    [Fact]
    public void Evaluate_OneSecondLate_ShowsTheSecondsThatDecide()
    {
        var result = Evaluate("2026-11-24 09:00", [Sent("2026-11-23 17:00:01")]);

        result.Status.Should().Be(ObligationStatus.Late);
        result.Findings.Should().ContainSingle().Which.Detail.Should().Be(new LocalizedText(
            "迟报 1 个工作日：应于 2026-11-23 17:00:00 前报送，2026-11-23 17:00:01 收到",
            "late by 1 working day(s): due 2026-11-23 17:00:00, received 2026-11-23 17:00:01"));
    }

    [Fact]
    public void Evaluate_ThreeWorkingDaysLate_IsCappedAtTen()
    {
        var result = Evaluate("2026-11-30 09:00", [Sent("2026-11-26 10:00")]);

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.Late && r.WorkingDaysLate == 3 && r.Deduction == 10);
        result.Findings.Single().Points.Should().Be(15, "the finding keeps its own points; the cap applies to the instance");
    }

    [Fact]
    public void Evaluate_NotReceivedWithinTheFirstWorkingDay_IsOverdueAndCostsWhatArrivingNowWould()
    {
        var result = Evaluate("2026-11-24 09:00");

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.Overdue && r.WorkingDaysLate == 1 && r.Deduction == 5);
    }

    [Theory]
    [InlineData("2026-11-24 17:00:00", ObligationStatus.Overdue)]
    [InlineData("2026-11-24 17:00:01", ObligationStatus.Missing)]
    public void Evaluate_OverdueBecomesMissing_WhenLatenessCouldNoLongerCostLessThanTheCap(string asOf, ObligationStatus status)
    {
        var result = Evaluate(asOf);

        result.Status.Should().Be(status);
        result.Deduction.Should().Be(status == ObligationStatus.Missing ? 10 : 5);
    }

    [Fact]
    public void Evaluate_DueOnTheQuartersLastDay_IsMissingOnceTheBooksClose()
    {
        var obligation = Weekly with { Due = T("2026-12-31 23:59:59") };
        var close = Evaluator.BooksClose(obligation);

        close.Should().Be(T("2027-01-10 00:00"));
        Evaluator.Evaluate(obligation, [], [], T("2027-01-10 00:00")).Status.Should().Be(ObligationStatus.Missing);
    }

    public static TheoryData<string, string, int, string> CutOffs => new()
    {
        { "due Monday: missing after Tuesday at the same time", "2026-11-23 17:00", 5, "2026-11-24 17:00" },
        { "due Sunday: the next working day is Monday", "2026-11-22 21:00", 5, "2026-11-23 21:00" },
        { "due before National Day: the next working day is after the holiday", "2026-09-30 17:00", 5, "2026-10-08 17:00" },
        { "2 points a day, capped at 10: late by at most 4 working days", "2026-11-23 17:00", 2, "2026-11-27 17:00" },
        { "1 point a day: the quarter's books close first", "2026-12-31 17:00", 1, "2027-01-09 23:59:59" },
    };

    [Theory]
    [MemberData(nameof(CutOffs))]
    public void MissingAfter_IsTheLastInstantAReportStillCountsAsLate_AndTheEvaluationAgrees(string edge, string due, int perDay, string cutOff)
    {
        var evaluator = new ObligationEvaluator(Shipped.Regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default with { LatePerWorkingDay = perDay });
        var obligation = Weekly with { Due = T(due) };

        var after = evaluator.MissingAfter(obligation);

        after.Should().Be(T(cutOff), edge);
        evaluator.Evaluate(obligation, [], [], after).Status.Should().Be(ObligationStatus.Overdue, edge);
        evaluator.Evaluate(obligation, [], [], after.AddSeconds(1)).Status.Should().Be(ObligationStatus.Missing, edge);
        evaluator.Evaluate(obligation, [Sent(cutOff) with { Received = after }], [], after.AddDays(30)).Status.Should().Be(ObligationStatus.Late, edge);
    }

    [Fact]
    public void Evaluate_ASubmissionAfterTheBooksClose_DoesNotCount()
    {
        var obligation = Weekly with { Due = T("2026-12-31 23:59:59") };
        var late = Sent("2027-01-11 09:00") with { Received = T("2027-01-11 09:00") };

        Evaluator.Evaluate(obligation, [late], [], T("2027-01-12 00:00")).Status.Should().Be(ObligationStatus.Missing);
    }

    [Fact]
    public void Evaluate_ASubmissionAfterTheBooksClose_IsTheMissingObligationsEvidence()
    {
        var obligation = Weekly with { Due = T("2026-12-31 23:59:59") };
        var later = Sent("2027-01-12 10:00");
        var late = Sent("2027-01-11 09:00");

        var result = Evaluator.Evaluate(obligation, [later, late], [], T("2027-01-12 12:00"));

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.Missing && r.Deduction == 10 && r.Counted == null);
        result.AfterBooksClosed.Should().Be(late, "the first report received after the books closed");
        result.Findings.Should().ContainSingle().Which.Detail.Should().Be(new LocalizedText(
            "漏报：应于 2026-12-31 23:59 前报送，2027-01-11 09:00 收到时本季度已于 2027-01-10 00:00 结账",
            "missing: due 2026-12-31 23:59; received 2027-01-11 09:00, after the quarter's books closed at 2027-01-10 00:00"));
    }

    [Fact]
    public void Evaluate_ASubmissionSecondsAfterTheBooksClose_ShowsTheSecondsThatDecide()
    {
        var obligation = Weekly with { Due = T("2026-12-31 23:59:59") };

        var result = Evaluator.Evaluate(obligation, [Sent("2027-01-10 00:00:05")], [], T("2027-01-12 12:00"));

        result.Findings.Single().Detail.En.Should().Be("missing: due 2026-12-31 23:59; received 2027-01-10 00:00:05, after the quarter's books closed at 2027-01-10 00:00:00");
    }

    [Fact]
    public void Evaluate_ASubmissionThatCounts_HasNoEvidenceAfterTheBooksClose()
    {
        Evaluate("2026-11-24 09:00", [Sent("2026-11-23 10:00")]).AfterBooksClosed.Should().BeNull();
    }

    [Fact]
    public void Evaluate_ASubmissionAfterAsOf_IsNotYetKnown()
    {
        var result = Evaluate("2026-11-23 12:00", [Sent("2026-11-23 15:00")]);

        result.Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void Evaluate_ACorrectionBeforeTheDeadline_ReplacesTheIncompleteOriginal()
    {
        var original = Sent("2026-11-23 10:00", Blank);
        var correction = Sent("2026-11-23 16:00");

        var result = Evaluate("2026-11-24 09:00", [correction, original]);

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.OnTime && r.Deduction == 0 && r.Counted == correction);
    }

    [Fact]
    public void Evaluate_ACorrectionAfterTheDeadline_DoesNotUndoTheFault()
    {
        var original = Sent("2026-11-23 10:00", Blank);
        var correction = Sent("2026-11-23 18:00");

        var result = Evaluate("2026-11-24 09:00", [original, correction]);

        result.Should().Match<ObligationResult>(r => r.Status == ObligationStatus.OnTime && r.Deduction == 5 && r.Counted == original);
    }

    [Fact]
    public void Evaluate_TwoLateSends_JudgesTheFirst()
    {
        var result = Evaluate("2026-11-30 09:00", [Sent("2026-11-26 10:00"), Sent("2026-11-24 10:00")]);

        result.WorkingDaysLate.Should().Be(1);
        result.Counted!.Received.Should().Be(T("2026-11-24 10:00"));
    }

    [Fact]
    public void Evaluate_SeveralIncompleteFindings_CostFiveOnce()
    {
        var result = Evaluate("2026-11-24 09:00", [Sent("2026-11-23 10:00", Blank, NoCc)]);

        result.Deduction.Should().Be(5);
        result.Findings.Select(f => (f.Kind, f.Points)).Should().Equal((FindingKind.Incomplete, 5), (FindingKind.RecipientsMissing, 0));
    }

    [Fact]
    public void Evaluate_LateAndIncomplete_StackUpToTheCap()
    {
        var result = Evaluate("2026-11-30 09:00", [Sent("2026-11-24 10:00", NoCc)]);

        result.Deduction.Should().Be(10);
        result.Findings.Select(f => f.Kind).Should().Equal(FindingKind.Late, FindingKind.RecipientsMissing);
    }

    [Fact]
    public void Evaluate_ManualWrongOnAnOnTimeReport_CostsFiveWithTheReasonAndAuthor()
    {
        var entry = new ManualEntry(ManualEntryKind.Wrong, Weekly.UnitId, Weekly.Key, D("2026-11-25"), 0, "周报数据与日报合计不符", "李娜", T("2026-11-25 10:00"));

        var result = Evaluate("2026-11-26 09:00", [Sent("2026-11-23 10:00")], [entry]);

        result.Deduction.Should().Be(5);
        result.Findings.Should().ContainSingle().Which.Should().Match<AssessedFinding>(f =>
            f.Kind == FindingKind.Wrong && f.Detail.Zh == "周报数据与日报合计不符（李娜 认定）");
    }

    [Fact]
    public void Evaluate_ConcealedOnTopOfMissing_IsStillCappedAtTen()
    {
        var entry = new ManualEntry(ManualEntryKind.Concealed, Weekly.UnitId, Weekly.Key, D("2026-11-26"), 0, "有意不报", "李娜", T("2026-11-26 10:00"));

        var result = Evaluate("2026-11-27 09:00", entries: [entry]);

        result.Status.Should().Be(ObligationStatus.Missing);
        result.Findings.Select(f => f.Kind).Should().Equal(FindingKind.Missing, FindingKind.Concealed);
        result.Deduction.Should().Be(10);
    }

    [Fact]
    public void Evaluate_AnEntryRecordedAfterAsOf_IsNotYetKnown()
    {
        var entry = new ManualEntry(ManualEntryKind.Wrong, Weekly.UnitId, Weekly.Key, D("2026-11-25"), 0, "错报", "李娜", T("2026-11-25 10:00"));

        Evaluate("2026-11-24 09:00", [Sent("2026-11-23 10:00")], [entry]).Deduction.Should().Be(0);
    }

    [Fact]
    public void Evaluate_ARevokedEntry_CostsNothing_ButStaysListedWithWhoRevokedItWhenAndWhy()
    {
        var revocation = new Revocation(T("2026-11-26 08:00"), "周敏", "核实后数据无误");
        var entry = new ManualEntry(ManualEntryKind.Wrong, Weekly.UnitId, Weekly.Key, D("2026-11-25"), 5, "周报数据与日报合计不符", "李娜", T("2026-11-25 10:00")) { Revoked = revocation };

        var result = Evaluate("2026-11-26 09:00", [Sent("2026-11-23 10:00")], [entry]);

        result.Deduction.Should().Be(0);
        result.Findings.Should().ContainSingle().Which.Should().Be(new AssessedFinding(
            FindingKind.Wrong,
            new LocalizedText("周报数据与日报合计不符（李娜 认定；周敏 于 2026-11-26 08:00 撤销：核实后数据无误）", "周报数据与日报合计不符 (decided by 李娜; revoked by 周敏 at 2026-11-26 08:00: 核实后数据无误)"),
            0) { Revoked = revocation });
    }

    [Fact]
    public void Evaluate_AnEntryRevokedAfterAsOf_StillCounts()
    {
        var entry = new ManualEntry(ManualEntryKind.Concealed, Weekly.UnitId, Weekly.Key, D("2026-11-25"), 10, "有意不报", "李娜", T("2026-11-25 10:00")) { Revoked = new Revocation(T("2026-11-27 08:00"), "周敏", "误判") };

        var result = Evaluate("2026-11-26 09:00", [Sent("2026-11-23 10:00")], [entry]);

        result.Deduction.Should().Be(10, "as at an instant before the revocation, the judgement stood");
        result.Findings.Single().Revoked.Should().BeNull();
        entry.IsRevokedAt(T("2026-11-26 09:00")).Should().BeFalse();
        entry.IsRevokedAt(T("2026-11-27 08:00")).Should().BeTrue();
    }

    [Fact]
    public void EvaluateAll_MatchesSubmissionsByReportUnitAndPeriod()
    {
        var other = Weekly with { Period = Period.Week(D("2026-11-09")), Due = T("2026-11-16 17:00") };

        var results = Evaluator.EvaluateAll([Weekly, other], [Sent("2026-11-23 10:00")], [], T("2026-11-24 09:00"));

        results.Select(r => r.Status).Should().Equal(ObligationStatus.OnTime, ObligationStatus.Missing);
    }

    // NextChange: how long a result stands as the clock moves, with nothing new received or decided.

    [Theory]
    [InlineData("2026-11-23 09:00", "2026-11-23 10:00", null)]
    [InlineData("2026-11-23 12:00", "2026-11-23 10:00", null)]
    [InlineData("2026-11-30 09:00", "2026-11-23 10:00", "2026-11-27 08:00")]
    [InlineData("2026-11-25 11:00", "2026-11-23 10:00", "2026-11-26 08:00")]
    public void NextChange_BeforeIt_EvaluatingAgainGivesTheSameResult(string asOf, string sent, string? revoked)
    {
        var entry = new ManualEntry(ManualEntryKind.Wrong, Weekly.UnitId, Weekly.Key, D("2026-11-25"), 5, "错报", "李娜", T("2026-11-25 10:00"))
        {
            Revoked = revoked is null ? null : new Revocation(T(revoked), "周敏", "误判"),
        };
        Submission[] submissions = [Sent(sent)];
        var result = Evaluate(asOf, submissions, [entry]);

        var next = ObligationEvaluator.NextChange(result, submissions, [entry], T(asOf));

        next.Should().BeAfter(T(asOf));
        for (var at = T(asOf); at < next && at < T(asOf).AddDays(30); at = at.AddMinutes(17))
        {
            Evaluate(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), submissions, [entry]).Should().BeEquivalentTo(result, o => o.ComparingByMembers<ObligationResult>(), $"the result at {asOf} stands until {next}");
        }

        if (next != DateTimeOffset.MaxValue)
        {
            Evaluator.Evaluate(Weekly, submissions, [entry], next).Should().NotBeEquivalentTo(result, "at its next change the result is another");
        }
    }

    [Fact]
    public void NextChange_OfAPendingObligation_IsJustAfterItsDeadline()
    {
        var result = Evaluate("2026-11-23 16:00");

        ObligationEvaluator.NextChange(result, [], [], T("2026-11-23 16:00")).Should().Be(Weekly.Due.AddTicks(1));
    }

    [Theory]
    [InlineData("2026-11-24 09:00")]
    [InlineData("2026-12-08 09:00")]
    public void NextChange_OfAnOverdueOrMissingObligation_IsNow_ItsLatenessAndWordingFollowTheClock(string asOf)
    {
        var result = Evaluate(asOf);

        result.Status.Should().BeOneOf(ObligationStatus.Overdue, ObligationStatus.Missing);
        ObligationEvaluator.NextChange(result, [], [], T(asOf)).Should().Be(T(asOf));
    }

    [Fact]
    public void NextChange_OfAReportReceivedAndJudged_IsNever()
    {
        var result = Evaluate("2026-11-24 09:00", [Sent("2026-11-23 10:00")]);

        ObligationEvaluator.NextChange(result, [Sent("2026-11-23 10:00")], [], T("2026-11-24 09:00")).Should().Be(DateTimeOffset.MaxValue);
    }
}
