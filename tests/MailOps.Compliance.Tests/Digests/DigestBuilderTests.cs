using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Digests;

/// <summary>What the morning digest holds under the shipped regime: matrices, new faults, running scores.</summary>
public sealed class DigestBuilderTests
{
    private static readonly Regime Regime = Shipped.Regime;
    private static readonly ObligationEvaluator Evaluator = new(Regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default);
    private static readonly DigestBuilder Builder = new(Regime, ScoringPolicy.Default);
    private static readonly Finding Blank = new(FindingKind.Incomplete, new("“投诉量”未填写", "\"投诉量\" is blank"));

    private static Obligation Owed(string report, string unit, string dueDate) =>
        new ObligationGenerator(Regime).Generate(D(dueDate), D(dueDate), unit).Single(o => o.ReportId == report);

    private static Submission Sent(Obligation o, string at, params Finding[] findings) =>
        new(o.ReportId, o.UnitId, o.Period.Id, T(at), $"<{o.Key}@{at}>", "owner@example.com", [], findings);

    /// <summary>A result written out by hand, for the matrix's arithmetic.</summary>
    private static ObligationResult Judged(Obligation o, ObligationStatus status, int deduction = 0, string? received = null) =>
        new(o, status, 0, deduction, [], received is null ? null : Sent(o, received));

    [Fact]
    public void Build_ListsOnlyTheMessagesReceivedSinceThePreviousDigest_SoEachIsShownOnce()
    {
        TriageLine Line(string id, string received) => new(id, "x@example.com", "月报", T(received), "unknown-report", new("未识别", "not recognised"));
        var triage = new[] { Line("<old@example.com>", "2026-11-23 08:00"), Line("<new@example.com>", "2026-11-23 18:00"), Line("<later@example.com>", "2026-11-24 09:00") };

        var digest = Builder.Build(T("2026-11-24 08:30"), T("2026-11-23 08:30"), [], [], triage, triage, []);

        digest.Triage.Select(t => t.MessageId).Should().Equal("<new@example.com>");
        digest.Unauthenticated.Select(t => t.MessageId).Should().Equal("<new@example.com>");
    }

    private static Digest Build(string asOf, string since, IReadOnlyList<ObligationResult> results, IReadOnlyList<ManualEntry>? entries = null) =>
        Builder.Build(T(asOf), T(since), results, entries ?? [], [], [], []);

    // Tuesday 2026-11-24's digest at 08:30, the previous one Monday 08:30. Due on Monday: the call center's
    // daily (received 20:00 with a blank field) and weekly (received 17:30, late); the weekly warranty reports
    // of wy-cq (received 08:00, before the previous digest, with a blank field) and wy-sc (not received). The
    // call center's Sunday daily never came. wy-hz missed its weekly report due 2026-10-12; nj-crm has a manual penalty.
    private static readonly Obligation Daily = Owed("callcenter-daily", "callcenter", "2026-11-23");
    private static readonly Obligation SundayDaily = Owed("callcenter-daily", "callcenter", "2026-11-22");
    private static readonly Obligation CallWeekly = Owed("callcenter-weekly", "callcenter", "2026-11-23");
    private static readonly Obligation CqWeekly = Owed("warranty-weekly", "wy-cq-warranty", "2026-11-23");
    private static readonly Obligation ScWeekly = Owed("warranty-weekly", "wy-sc-warranty", "2026-11-23");
    private static readonly Obligation HzOctober = Owed("warranty-weekly", "wy-hz-warranty", "2026-10-12");

    private static IReadOnlyList<ObligationResult> Tuesday() => Evaluator.EvaluateAll(
        [SundayDaily, Daily, CallWeekly, CqWeekly, ScWeekly, HzOctober],
        [Sent(Daily, "2026-11-23 20:00", Blank), Sent(CallWeekly, "2026-11-23 17:30"), Sent(CqWeekly, "2026-11-23 08:00", Blank)],
        [],
        T("2026-11-24 08:30"));

    private static readonly ManualEntry NjPenalty =
        new(ManualEntryKind.AdditionalPenalty, "nj-crm", null, D("2026-11-20"), 3, "投诉未处理", "李娜", T("2026-11-20 10:00"));

    [Fact]
    public void Build_CarriesItsInstantsAndWhatItWasGiven()
    {
        var triage = new[] { new TriageLine("<m1@example.com>", "x@example.com", "周报", T("2026-11-23 18:00"), "unmatched", new("未识别", "not recognised")) };
        var unauthenticated = new[] { new TriageLine("<m2@example.com>", "y@example.com", "日报", T("2026-11-23 19:00"), "dmarc", new("未通过认证", "failed DMARC")) };
        var warnings = new[] { new DigestWarning(DigestWarningKind.Administrator, new LocalizedText("日历", "calendar")), DigestWarning.Operational(new LocalizedText("邮箱", "mailbox")) };

        var digest = Builder.Build(T("2026-11-24 08:30"), T("2026-11-23 08:30"), Tuesday(), [], triage, unauthenticated, warnings);

        digest.Should().Match<Digest>(d => d.Date == D("2026-11-24") && d.AsOf == T("2026-11-24 08:30") && d.Since == T("2026-11-23 08:30"));
        digest.Triage.Should().Equal(triage);
        digest.Unauthenticated.Should().Equal(unauthenticated);
        digest.Warnings.Should().Equal(warnings);
    }

    [Theory]
    [InlineData("2026-11-24 08:30", "2026-11-23", "2026-11-23", "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-23 08:30", "2026-11-20", "2026-11-22", "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-29 08:30", "2026-11-27", "2026-11-28", "2026-11-23", "2026-11-29")]
    [InlineData("2026-10-08 08:30", "2026-09-30", "2026-10-07", "2026-10-05", "2026-10-11")]
    [InlineData("2026-10-12 08:30", "2026-10-10", "2026-10-11", "2026-10-12", "2026-10-18")]
    public void Build_MatricesCoverFromTheLastWorkingDayThroughYesterdayAndTheCurrentWeek(string asOf, string lastWorkingDay, string yesterday, string monday, string sunday)
    {
        var digest = Build(asOf, asOf, []);

        // From the last working day through yesterday: a Monday's digest shows the weekend's daily reports too.
        (digest.LastWorkingDay.From, digest.LastWorkingDay.To).Should().Be((D(lastWorkingDay), D(yesterday)));
        (digest.Week.From, digest.Week.To).Should().Be((D(monday), D(sunday)));
    }

    [Fact]
    public void Build_LastWorkingDaysMatrix_ReadsEachUnitsWorstStateWithCountAndCost()
    {
        var matrix = Build("2026-11-24 08:30", "2026-11-23 08:30", Tuesday()).LastWorkingDay;

        matrix.Columns.Select(c => c.ReportId).Should().Equal("callcenter-daily", "callcenter-weekly", "warranty-weekly");
        matrix.Rows.Single(r => r.UnitId == "callcenter").Cells.Should().Equal(Cells(
            new MatrixCell(CellState.Incomplete, 1, 5), new MatrixCell(CellState.Late, 1, 5), null));
        matrix.Rows.Single(r => r.UnitId == "wy-cq-warranty").Cells.Should().Equal(Cells(null, null, new MatrixCell(CellState.Incomplete, 1, 5)));
        matrix.Rows.Single(r => r.UnitId == "wy-sc-warranty").Cells.Should().Equal(Cells(null, null, new MatrixCell(CellState.Overdue, 1, 5)));
        matrix.Rows.Single(r => r.UnitId == "cq-crm").Cells.Should().Equal(Cells(null, null, null));
    }

    [Fact]
    public void Matrix_Columns_AreOnlyTheReportsDueInTheWindow_InCatalogOrder()
    {
        var results = new[]
        {
            Judged(CqWeekly, ObligationStatus.OnTime),
            Judged(Owed("crm-monthly", "cq-crm", "2026-11-30"), ObligationStatus.Pending),
            Judged(CallWeekly, ObligationStatus.OnTime),
            Judged(SundayDaily, ObligationStatus.Missing, 10),
            Judged(Daily, ObligationStatus.OnTime),
        };

        var matrix = Builder.Matrix(results, D("2026-11-23"), D("2026-11-23"));

        matrix.Columns.Should().Equal(
            new MatrixColumn("callcenter-daily", Regime.Catalog["callcenter-daily"].Name),
            new MatrixColumn("callcenter-weekly", Regime.Catalog["callcenter-weekly"].Name),
            new MatrixColumn("warranty-weekly", Regime.Catalog["warranty-weekly"].Name));
    }

    [Fact]
    public void Matrix_Rows_AreEveryAssessedUnitInDirectoryOrder_WithANullCellWhereItOwesNothing()
    {
        var matrix = Builder.Matrix([Judged(CqWeekly, ObligationStatus.OnTime), Judged(Daily, ObligationStatus.OnTime)], D("2026-11-23"), D("2026-11-23"));

        matrix.Rows.Select(r => r.UnitId).Should().Equal(Regime.Directory.AssessedUnits.Select(u => u.Id)).And.HaveCount(12);
        matrix.Rows[0].Should().Match<MatrixRow>(r => r.UnitId == "callcenter" && r.UnitName.Zh == "集团呼叫中心" && r.UnitName.En == "Group Call Center");
        matrix.Rows.Should().OnlyContain(r => r.Cells.Count == 2);
        matrix.Rows.Single(r => r.UnitId == "callcenter").Cells.Should().Equal(Cells(new MatrixCell(CellState.OnTime, 1, 0), null));
        matrix.Rows.Single(r => r.UnitId == "wy-cq-warranty").Cells.Should().Equal(Cells(null, new MatrixCell(CellState.OnTime, 1, 0)));
    }

    [Fact]
    public void Matrix_NoResultsInTheWindow_HasNoColumnsAndAnEmptyRowPerUnit()
    {
        var matrix = Builder.Matrix([Judged(Daily, ObligationStatus.OnTime)], D("2026-11-24"), D("2026-11-24"));

        matrix.Columns.Should().BeEmpty();
        matrix.Rows.Should().HaveCount(12).And.OnlyContain(r => r.Cells.Count == 0);
    }

    [Fact]
    public void Matrix_AWeekOfDailies_CountsEachStateReadsTheWorstAndAddsTheirCosts()
    {
        var days = new[] { "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27" }.Select(d => Owed("callcenter-daily", "callcenter", d)).ToList();
        var results = new[]
        {
            Judged(days[0], ObligationStatus.OnTime),
            Judged(days[1], ObligationStatus.Late, 5),
            Judged(days[2], ObligationStatus.OnTime, 5),
            Judged(days[3], ObligationStatus.Pending),
            Judged(days[4], ObligationStatus.Pending),
        };

        var cell = Builder.Matrix(results, D("2026-11-23"), D("2026-11-29")).Rows[0].Cells.Single();

        cell.Should().Be(new MatrixCell(new StateCounts(Missing: 0, Overdue: 0, Late: 1, Incomplete: 1, Pending: 2, OnTime: 1), 10));
        cell!.State.Should().Be(CellState.Late);
        cell.Count.Should().Be(5);
        cell.Counts.Held().Should().Equal((CellState.Late, 1), (CellState.Incomplete, 1), (CellState.Pending, 2), (CellState.OnTime, 1));
    }

    public static TheoryData<string, ObligationStatus[], CellState> WorstStates => new()
    {
        { "missing beats overdue", [ObligationStatus.Overdue, ObligationStatus.Missing, ObligationStatus.OnTime], CellState.Missing },
        { "overdue beats late", [ObligationStatus.Late, ObligationStatus.Overdue], CellState.Overdue },
        { "late beats pending", [ObligationStatus.Pending, ObligationStatus.Late], CellState.Late },
        { "pending beats on time", [ObligationStatus.OnTime, ObligationStatus.Pending], CellState.Pending },
        { "all on time", [ObligationStatus.OnTime, ObligationStatus.OnTime], CellState.OnTime },
    };

    [Theory]
    [MemberData(nameof(WorstStates))]
    public void Matrix_SeveralObligationsInACell_TheWorstStateWins(string edge, ObligationStatus[] statuses, CellState worst)
    {
        var days = new[] { "2026-11-23", "2026-11-24", "2026-11-25" };
        var results = statuses.Select((s, i) => Judged(Owed("callcenter-daily", "callcenter", days[i]), s)).ToList();

        Builder.Matrix(results, D("2026-11-23"), D("2026-11-29")).Rows[0].Cells.Single()!.State.Should().Be(worst, edge);
    }

    [Fact]
    public void Matrix_TheWindow_IsOfLocalDueDatesWithBothEndsInclusive()
    {
        // Due 2026-11-26 07:10 Shanghai, which is still the 25th in UTC.
        var major = Owed("major-complaint", "cd-crm", "2026-11-26");
        var sunday = Owed("callcenter-daily", "callcenter", "2026-11-29");
        var nextMonday = Owed("callcenter-daily", "callcenter", "2026-11-30");
        var results = new[] { Judged(major, ObligationStatus.OnTime), Judged(sunday, ObligationStatus.OnTime), Judged(nextMonday, ObligationStatus.Pending) };

        major.Due.UtcDateTime.Day.Should().Be(25);
        Builder.Matrix(results, D("2026-11-26"), D("2026-11-29")).Columns.Select(c => c.ReportId).Should().Equal("callcenter-daily", "major-complaint");
        Builder.Matrix(results, D("2026-11-25"), D("2026-11-25")).Columns.Should().BeEmpty();
        Builder.Matrix(results, D("2026-11-26"), D("2026-11-29")).Rows[0].Cells[0].Should().Be(new MatrixCell(CellState.OnTime, 1, 0));
    }

    public static TheoryData<string, ObligationStatus, int, CellState> States => new()
    {
        { "missing", ObligationStatus.Missing, 10, CellState.Missing },
        { "overdue", ObligationStatus.Overdue, 5, CellState.Overdue },
        { "late", ObligationStatus.Late, 5, CellState.Late },
        { "late and incomplete is still late", ObligationStatus.Late, 10, CellState.Late },
        { "pending", ObligationStatus.Pending, 0, CellState.Pending },
        { "on time", ObligationStatus.OnTime, 0, CellState.OnTime },
        { "on time but incomplete", ObligationStatus.OnTime, 5, CellState.Incomplete },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void StateOf_ReadsEachStatus_AndAnIncompleteOnTimeReportAsIncomplete(string edge, ObligationStatus status, int deduction, CellState state)
    {
        DigestBuilder.StateOf(Judged(Daily, status, deduction)).Should().Be(state, edge);
    }

    [Fact]
    public void StateOf_AnOnTimeReportWithABlankField_ReadsIncomplete()
    {
        var result = Evaluator.Evaluate(Daily, [Sent(Daily, "2026-11-23 20:00", Blank)], [], T("2026-11-24 08:30"));

        result.Status.Should().Be(ObligationStatus.OnTime);
        DigestBuilder.StateOf(result).Should().Be(CellState.Incomplete);
    }

    [Fact]
    public void Build_NewFaults_AreThoseKnownSinceThePreviousDigest_ByUnitThenWhenKnown()
    {
        var faults = Build("2026-11-24 08:30", "2026-11-23 08:30", Tuesday()).NewFaults;

        faults.Select(f => (f.Result.Obligation.Key, f.KnownAt)).Should().Equal(
            ("callcenter-weekly/callcenter/2026-W47", T("2026-11-23 17:30")),
            ("callcenter-daily/callcenter/2026-11-23", T("2026-11-23 20:00")),
            ("warranty-weekly/wy-sc-warranty/2026-W47", T("2026-11-23 17:00")));
        faults[0].Should().Match<FaultLine>(f => f.UnitName.En == "Group Call Center" && f.ReportName.Zh == "呼叫中心信息周报" && f.Result.Status == ObligationStatus.Late);
        faults[2].Result.Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Build_NewFaults_LeaveOutWhatThePreviousDigestAlreadyKnew()
    {
        var faults = Build("2026-11-24 08:30", "2026-11-23 08:30", Tuesday()).NewFaults.Select(f => f.Result.Obligation).ToList();

        faults.Should().NotContain(CqWeekly, "its incomplete report came in at 08:00, before the previous digest");
        faults.Should().NotContain(SundayDaily, "its deadline passed on Sunday 21:00, before the previous digest");
        faults.Should().NotContain(HzOctober, "its deadline passed in October");
    }

    [Fact]
    public void Build_NewFaults_LeaveOutPendingAndCleanOnTimeReports()
    {
        var wed = Owed("callcenter-daily", "callcenter", "2026-11-24");
        var results = new[] { Judged(wed, ObligationStatus.Pending), Judged(CqWeekly, ObligationStatus.OnTime, 0, "2026-11-23 16:00") };

        Build("2026-11-24 08:30", "2026-11-23 08:30", results).NewFaults.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-11-23 08:30", false)]
    [InlineData("2026-11-23 08:30:01", true)]
    [InlineData("2026-11-24 08:30", true)]
    [InlineData("2026-11-24 08:30:01", false)]
    public void Build_NewFaults_AreKnownAfterSinceAndAtOrBeforeAsOf(string received, bool isNew)
    {
        var late = Judged(CallWeekly with { Due = T("2026-11-23 08:00") }, ObligationStatus.Late, 5, received);

        Build("2026-11-24 08:30", "2026-11-23 08:30", [late]).NewFaults.Any().Should().Be(isNew);
    }

    [Theory]
    [InlineData("2026-11-23 08:30", false)]
    [InlineData("2026-11-23 08:30:01", true)]
    public void Build_NewFaults_AnUnreceivedReportIsKnownAtItsDeadline(string due, bool isNew)
    {
        var overdue = Judged(CallWeekly with { Due = T(due) }, ObligationStatus.Overdue, 5);

        Build("2026-11-24 08:30", "2026-11-23 08:30", [overdue]).NewFaults.Any().Should().Be(isNew);
    }

    [Fact]
    public void Build_Scores_TheMonthAndQuarterOfEveryAssessedUnit()
    {
        var digest = Build("2026-11-24 08:30", "2026-11-23 08:30", Tuesday(), [NjPenalty]);

        digest.Month.Should().Be(Period.Month(2026, 11));
        digest.Quarter.Should().Be(Period.Quarter(2026, 4));
        var units = Regime.Directory.AssessedUnits.Select(u => u.Id).ToList();
        digest.MonthScores.Select(s => s.UnitId).Should().Equal(units);
        digest.QuarterScores.Select(s => s.UnitId).Should().Equal(units);
        digest.MonthScores.Should().OnlyContain(s => s.Period == digest.Month);
        digest.QuarterScores.Should().OnlyContain(s => s.Period == digest.Quarter);

        Scores(digest.MonthScores).Should().Equal(Expected(units, ("callcenter", 80), ("wy-cq-warranty", 95), ("wy-sc-warranty", 95), ("nj-crm", 97)));
        Scores(digest.QuarterScores).Should().Equal(Expected(units, ("callcenter", 80), ("wy-cq-warranty", 95), ("wy-sc-warranty", 95), ("wy-hz-warranty", 90), ("nj-crm", 97)));
        digest.MonthScores[0].Should().Match<ScoreCard>(s => s.ObligationsDue == 3 && s.ObligationsFaulted == 3 && s.Deductions == 20);
    }

    [Fact]
    public void Build_OnTheFirstOfAQuarter_ScoresTheNewMonthAndQuarter()
    {
        var digest = Build("2027-01-04 08:30", "2026-12-31 08:30", Tuesday());

        digest.Month.Should().Be(Period.Month(2027, 1));
        digest.Quarter.Should().Be(Period.Quarter(2027, 1));
        digest.MonthScores.Should().HaveCount(12).And.OnlyContain(s => s.Score == 100 && s.ObligationsDue == 0);
    }

    private static MatrixCell?[] Cells(params MatrixCell?[] cells) => cells;

    private static IEnumerable<(string, int)> Scores(IEnumerable<ScoreCard> cards) => cards.Select(c => (c.UnitId, c.Score));

    private static IEnumerable<(string, int)> Expected(IEnumerable<string> units, params (string Unit, int Score)[] lowered) =>
        units.Select(u => (u, lowered.FirstOrDefault(l => l.Unit == u).Score is var s && s > 0 ? s : 100));
}
