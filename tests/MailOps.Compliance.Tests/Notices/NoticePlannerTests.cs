using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Notices;

/// <summary>When owners hear from MailOps under the shipped regime: nudges before a deadline, overdue notices after it.</summary>
public sealed class NoticePlannerTests
{
    private static readonly Regime Regime = Shipped.Regime;
    private static readonly ObligationEvaluator Evaluator = new(Regime.Calendar, RegimeZone.Shanghai, ScoringPolicy.Default);
    private static readonly NoticePlanner Planner = new(Regime, NoticePolicy.Default);

    /// <summary>The shipped regime's obligation of a report for a unit due on a date.</summary>
    private static Obligation Owed(string report, string unit, string dueDate, Regime? regime = null) =>
        new ObligationGenerator(regime ?? Regime).Generate(D(dueDate), D(dueDate), unit).Single(o => o.ReportId == report);

    private static Submission Sent(Obligation o, string at, params Finding[] findings) =>
        new(o.ReportId, o.UnitId, o.Period.Id, T(at), $"<{at}@example.com>", "owner@example.com", [], findings);

    private static IReadOnlyList<PlannedNotice> DueAt(string now, Obligation o, NoticePlanner? planner = null, params Submission[] sent) =>
        (planner ?? Planner).Due([Evaluator.Evaluate(o, sent, [], T(now))], T(now));

    // The weekly warranty report of 2026-W47, due Monday 2026-11-23 17:00: nudged at 80% of 09:00-17:00, 15:24.
    private static readonly Obligation Weekly = Owed("warranty-weekly", "wy-cq-warranty", "2026-11-23");

    // A special report hung on an event, for an organisation of one city CRM unit u1 around the shipped calendar.
    private static Regime EventRegime(string offset, string start, string end)
    {
        EventOffset.TryParse(offset, out var parsed).Should().BeTrue();
        var report = Build.Report("night-flash", new EventRule("incident", EventAnchor.Start, parsed, RegimeZone.EndOfDay)) with { Category = ReportCategory.Special };
        return Build.Regime([report], [Build.Event("e1", "incident", start, end)]);
    }

    public static TheoryData<string, string, string, string, string> ShippedNudges => new()
    {
        // edge, report, unit, due date, nudge
        { "a daily report due 21:00: 80% of 09:00-21:00", "callcenter-daily", "callcenter", "2026-11-23", "2026-11-23 18:36" },
        { "a daily report on a Sunday is nudged all the same", "callcenter-daily", "callcenter", "2026-11-22", "2026-11-22 18:36" },
        { "a weekly report due Monday 17:00: 80% of 09:00-17:00", "warranty-weekly", "wy-cq-warranty", "2026-11-23", "2026-11-23 15:24" },
        { "a weekly report moved past National Day: 80% of its new due date", "warranty-weekly", "wy-cq-warranty", "2026-10-08", "2026-10-08 15:24" },
        { "an event report opening mid-afternoon: at its opening", "customer-event-flash", "wx-crm", "2026-11-15", "2026-11-14 17:00" },
        { "an event report opening at midnight: 09:00 that day", "holiday-duty-summary", "cq-crm", "2026-10-08", "2026-10-08 09:00" },
        { "a report due 10 days before an opening, open a week earlier: 09:00 that day", "showflat-risk-check", "cd-crm", "2026-11-18", "2026-11-11 09:00" },
        { "each day of a site-open window: 09:00 that day", "site-open-daily", "cs-crm", "2026-11-22", "2026-11-22 09:00" },
    };

    [Theory]
    [MemberData(nameof(ShippedNudges))]
    public void NudgeAt_ShippedReport_FallsInsideTheWorkingDayBeforeItsDeadline(string edge, string report, string unit, string dueDate, string nudge)
    {
        Planner.NudgeAt(Owed(report, unit, dueDate)).Should().Be(T(nudge), edge);
    }

    [Fact]
    public void NudgeAt_APerReportTimeOfDay_IsThatTimeOnTheDueDate()
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with { ByReport = new Dictionary<string, NudgeTiming> { ["warranty-weekly"] = NudgeTiming.OnDueDateAt(new(10, 0)) } });

        planner.NudgeAt(Weekly).Should().Be(T("2026-11-23 10:00"));
    }

    [Fact]
    public void NudgeAt_AnEventWindowOpeningAtNight_WaitsFor0900()
    {
        var regime = EventRegime("24h", "2026-11-20 02:00", "2026-11-20 03:00");

        new NoticePlanner(regime, NoticePolicy.Default).NudgeAt(Owed("night-flash", "u1", "2026-11-21", regime)).Should().Be(T("2026-11-20 09:00"));
    }

    [Fact]
    public void NudgeAt_AnEventWindowOpeningAtNightAndClosingBefore0900_HasNoNudgeRatherThanOneAtNight()
    {
        var regime = EventRegime("6h", "2026-11-20 02:00", "2026-11-20 03:00");

        new NoticePlanner(regime, NoticePolicy.Default).NudgeAt(Owed("night-flash", "u1", "2026-11-20", regime)).Should().BeNull("no working hour lies between its opening at 02:00 and its deadline at 08:00");
    }

    [Fact]
    public void NudgeAt_AnEventWindowOpeningAfter2100_WaitsForTheNextDaysStart()
    {
        var flash = Regime.Catalog["customer-event-flash"];
        var regime = Build.Regime([flash], [Build.Event("e1", "customer-activity", "2026-11-14 19:00", "2026-11-14 22:30")]);

        new NoticePlanner(regime, NoticePolicy.Default).NudgeAt(Owed(flash.Id, "u1", "2026-11-15", regime)).Should().Be(T("2026-11-15 09:00"));
    }

    [Fact]
    public void NudgeAt_AfterHoursWhenTheNextDaysStartIsPastTheDeadline_HasNoNudgeRatherThanOneAtNight()
    {
        var regime = EventRegime("6h", "2026-11-20 22:00", "2026-11-20 23:00");

        new NoticePlanner(regime, NoticePolicy.Default).NudgeAt(Owed("night-flash", "u1", "2026-11-21", regime)).Should().BeNull("its window is 22:00 to 04:00, all of it outside the working hours");
    }

    [Theory]
    [InlineData("2026-11-23 21:00:01")]
    [InlineData("2026-11-24 03:03")]
    [InlineData("2026-11-24 08:59:59")]
    public void Due_OutsideTheWorkingHours_IsNothing_HoweverMuchIsOwed(string now)
    {
        DueAt(now, Weekly).Should().BeEmpty("a worker restarted at night sends its overdue notice in the morning");
    }

    [Fact]
    public void Due_AtTheStartOfTheWorkingHours_IsWhatWaitedOvernight()
    {
        DueAt("2026-11-24 09:00", Weekly).Should().ContainSingle().Which.Kind.Should().Be(NoticeKind.Overdue);
    }

    [Fact]
    public void NudgeAt_ALeadLandingAfter2100_MovesToTheNextMorningWhenTheDeadlineAllows()
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with { ByReport = new Dictionary<string, NudgeTiming> { ["warranty-weekly"] = NudgeTiming.BeforeDue(TimeSpan.FromHours(19)) } });

        planner.NudgeAt(Weekly).Should().Be(T("2026-11-23 09:00"), "17:00 less 19 hours is Sunday 22:00");
    }

    [Fact]
    public void NudgeAt_TheReportsOwnTimingOverridesItsCategorysWhichOverridesTheDefault()
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with
        {
            DefaultTiming = NudgeTiming.Fraction(0),
            ByCategory = new Dictionary<ReportCategory, NudgeTiming> { [ReportCategory.Routine] = NudgeTiming.BeforeDue(TimeSpan.FromHours(1)) },
            ByReport = new Dictionary<string, NudgeTiming> { ["callcenter-daily"] = NudgeTiming.OnDueDateAt(new(12, 0)) },
        });

        planner.NudgeAt(Owed("callcenter-daily", "callcenter", "2026-11-23")).Should().Be(T("2026-11-23 12:00"));
        planner.NudgeAt(Owed("callcenter-weekly", "callcenter", "2026-11-23")).Should().Be(T("2026-11-23 16:00"));
        planner.NudgeAt(Owed("crm-monthly", "cq-crm", "2026-11-30")).Should().Be(T("2026-11-30 09:00"));
    }

    [Fact]
    public void NudgeAt_Off_NeverNudges()
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with { DefaultTiming = NudgeTiming.Off });
        var daily = Owed("callcenter-daily", "callcenter", "2026-11-23");

        planner.NudgeAt(daily).Should().BeNull();
        DueAt("2026-11-23 20:59", daily, planner).Should().BeEmpty();
    }

    [Fact]
    public void NudgeAt_AReportNotInTheCatalog_IsNeverNudged()
    {
        Planner.NudgeAt(Weekly with { ReportId = "no-such-report" }).Should().BeNull();
    }

    // 交付模拟验收: SMS in the seed, owed by sz-crm 60 days before its delivery on 2026-12-26, so due 2026-10-27.
    private static Obligation SmsItem()
    {
        var unit = Regime.Directory.FindUnit("sz-crm")!;
        var report = Regime.Catalog["delivery-mock-acceptance"];
        report.Channel.Should().Be(Channel.Sms);
        return new ObligationGenerator(Regime).Occurrences(unit, report, D("2026-10-27"), D("2026-10-27")).Single();
    }

    [Fact]
    public void NudgeAt_AnSmsItem_IsNotNudgedByDefault()
    {
        Planner.NudgeAt(SmsItem()).Should().BeNull();
    }

    [Fact]
    public void NudgeAt_AnSmsItem_IsNudgedWhenNonEmailChannelsAreReminded()
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with { RemindNonEmailChannels = true });

        planner.NudgeAt(SmsItem()).Should().Be(T("2026-10-20 09:00"), "a special report is nudged when its window opens, a week before");
    }

    [Fact]
    public void NudgeAt_APhoneItem_IsNudgedOnlyWhenNonEmailChannelsAreReminded()
    {
        var call = Build.Report("duty-call", new DailyRule(new(21, 0))) with { Channel = Channel.Phone, Monitored = false };
        var regime = Build.Regime([call]);
        var obligation = new ObligationGenerator(regime).Occurrences(regime.Directory.Units[0], call, D("2026-11-23"), D("2026-11-23")).Single();

        new NoticePlanner(regime, NoticePolicy.Default).NudgeAt(obligation).Should().BeNull();
        new NoticePlanner(regime, NoticePolicy.Default with { RemindNonEmailChannels = true }).NudgeAt(obligation).Should().Be(T("2026-11-23 18:36"));
    }

    [Theory]
    [InlineData("2026-11-23 15:23:59", false)]
    [InlineData("2026-11-23 15:24", true)]
    [InlineData("2026-11-23 16:59", true)]
    [InlineData("2026-11-23 17:00", true)]
    [InlineData("2026-11-23 17:00:01", false)]
    public void Due_APendingReport_IsNudgedFromItsNudgeUntilItsDeadline(string now, bool nudged)
    {
        var due = DueAt(now, Weekly);

        if (nudged)
        {
            due.Should().ContainSingle().Which.Should().Match<PlannedNotice>(n =>
                n.Kind == NoticeKind.Nudge && n.At == T("2026-11-23 15:24") && n.Obligation == Weekly && n.Result.Status == ObligationStatus.Pending);
        }
        else
        {
            due.Should().NotContain(n => n.Kind == NoticeKind.Nudge);
        }
    }

    [Fact]
    public void Due_AReportReceivedOnTime_IsNotNudged()
    {
        DueAt("2026-11-23 16:00", Weekly, null, Sent(Weekly, "2026-11-23 15:00")).Should().BeEmpty();
    }

    [Fact]
    public void Due_AReportReceivedOnTimeButIncomplete_IsNotNudged()
    {
        var blank = new Finding(FindingKind.Incomplete, new("“新增报修数”未填写", "\"新增报修数\" is blank"));

        DueAt("2026-11-23 16:00", Weekly, null, Sent(Weekly, "2026-11-23 15:00", blank)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-11-23 17:45")]
    [InlineData("2026-11-24 12:00")]
    public void Due_AReportReceivedLate_GetsNeitherNudgeNorOverdueNotice(string now)
    {
        DueAt(now, Weekly, null, Sent(Weekly, "2026-11-23 17:40")).Should().BeEmpty();
    }

    [Fact]
    public void Due_PlannedLateOnTheEvening_NeverNudgesForADeadlineAlreadyPassed()
    {
        DueAt("2026-11-23 17:10", Weekly).Should().BeEmpty("the nudge is past and the overdue notice not yet due");
    }

    [Fact]
    public void Due_AResultStillPendingButPlannedAfterTheDeadline_IsNotNudged()
    {
        var judgedBefore = Evaluator.Evaluate(Weekly, [], [], T("2026-11-23 16:00"));

        Planner.Due([judgedBefore], T("2026-11-23 18:00")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-11-23 17:29:59", false)]
    [InlineData("2026-11-23 17:30", true)]
    [InlineData("2026-11-24 09:00", true)]
    [InlineData("2026-11-24 17:00", true)]
    [InlineData("2026-11-24 17:00:01", false)]
    public void Due_AnOverdueReport_GetsItsNoticeFromHalfAnHourPastTheDeadlineUntilItIsMissing(string now, bool noticed)
    {
        var due = DueAt(now, Weekly);

        if (noticed)
        {
            due.Should().ContainSingle().Which.Should().Match<PlannedNotice>(n =>
                n.Kind == NoticeKind.Overdue && n.At == T("2026-11-23 17:30") && n.Result.Status == ObligationStatus.Overdue);
        }
        else
        {
            due.Should().BeEmpty();
        }
    }

    [Fact]
    public void Due_AMissingReport_GetsNoOverdueNotice()
    {
        var result = Evaluator.Evaluate(Weekly, [], [], T("2026-11-25 09:00"));

        result.Status.Should().Be(ObligationStatus.Missing);
        Planner.Due([result], T("2026-11-25 09:00")).Should().BeEmpty();
    }

    [Fact]
    public void Due_OverdueNoticesOff_SendsNone()
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with { OverdueNotices = false });

        DueAt("2026-11-24 09:00", Weekly, planner).Should().BeEmpty();
    }

    [Fact]
    public void Due_AnOverdueNoticeFallingAfter2100_WaitsForTheNextMorning()
    {
        var daily = Owed("callcenter-daily", "callcenter", "2026-11-23");

        Planner.OverdueAt(daily).Should().Be(T("2026-11-24 09:00"));
        DueAt("2026-11-23 23:00", daily).Should().BeEmpty();
        DueAt("2026-11-24 09:00", daily).Should().ContainSingle().Which.Should().Match<PlannedNotice>(n => n.Kind == NoticeKind.Overdue && n.At == T("2026-11-24 09:00"));
    }

    [Fact]
    public void Due_AnOverdueNoticeFallingBefore0900_WaitsForTheDaysStart()
    {
        var monthly = Owed("crm-monthly", "cq-crm", "2026-11-30");

        monthly.Due.Should().Be(T("2026-11-30 23:59:59"));
        Planner.OverdueAt(monthly).Should().Be(T("2026-12-01 09:00"));
    }

    [Fact]
    public void Due_SeveralResults_EachGetTheirOwnNotice()
    {
        var daily = Owed("callcenter-daily", "callcenter", "2026-11-23");
        var weekly = Owed("callcenter-weekly", "callcenter", "2026-11-23");
        var now = T("2026-11-23 18:40");
        var results = Evaluator.EvaluateAll([daily, weekly], [], [], now);

        var due = Planner.Due(results, now);

        due.Select(n => (n.Kind, n.Obligation.ReportId, n.At)).Should().BeEquivalentTo(
        [
            (NoticeKind.Nudge, "callcenter-daily", T("2026-11-23 18:36")),
            (NoticeKind.Overdue, "callcenter-weekly", T("2026-11-23 17:30")),
        ]);
    }

    [Fact]
    public void Reminders_ByDefault_AreNotSent()
    {
        Planner.Reminders([SmsItem()], T("2026-10-21 10:00")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-10-20 08:59", false)]
    [InlineData("2026-10-20 09:00", true)]
    [InlineData("2026-10-27 21:00", true)]
    [InlineData("2026-10-27 23:59:59", false)]
    [InlineData("2026-10-28 00:00", false)]
    public void Reminders_WhenEnabled_NudgeAnSmsItemInTheWorkingHoursUntilItsDeadlineAndNeverAfter(string now, bool reminded)
    {
        var planner = new NoticePlanner(Regime, NoticePolicy.Default with { RemindNonEmailChannels = true });
        var item = SmsItem();

        var due = planner.Reminders([item], T(now));

        if (reminded)
        {
            due.Should().ContainSingle().Which.Should().Match<PlannedNotice>(n =>
                n.Kind == NoticeKind.Nudge && n.At == T("2026-10-20 09:00") && n.Obligation == item && n.Result.Status == ObligationStatus.Pending);
        }
        else
        {
            due.Should().BeEmpty();
        }
    }

    [Fact]
    public void Key_NamesKindObligationAndTheRecipientInLowerCase()
    {
        NoticePlanner.Key(NoticeKind.Nudge, Weekly, " Yin.Hai@WY-CQ.example.com ").Should().Be("nudge/warranty-weekly/wy-cq-warranty/2026-W47/yin.hai@wy-cq.example.com");
        NoticePlanner.Key(NoticeKind.Overdue, Weekly, "yin.hai@wy-cq.example.com").Should().Be("overdue/warranty-weekly/wy-cq-warranty/2026-W47/yin.hai@wy-cq.example.com");
    }

    [Fact]
    public void Key_IsTheSameOnEveryRunForTheSameNotice()
    {
        var again = Owed("warranty-weekly", "wy-cq-warranty", "2026-11-23");
        var first = DueAt("2026-11-23 15:30", Weekly).Single();
        var later = DueAt("2026-11-23 16:30", again).Single();

        NoticePlanner.Key(later.Kind, later.Obligation, "Yin.Hai@wy-cq.example.com")
            .Should().Be(NoticePlanner.Key(first.Kind, first.Obligation, "yin.hai@wy-cq.example.com"));
        NoticePlanner.Key(NoticeKind.Nudge, Weekly, "a@example.com").Should().NotBe(NoticePlanner.Key(NoticeKind.Overdue, Weekly, "a@example.com"));
    }
}
