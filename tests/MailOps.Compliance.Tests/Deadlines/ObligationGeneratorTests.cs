using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Events;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Deadlines;

/// <summary>The due instant of every rule kind, one labelled row per edge of the 2025-2026 calendar.</summary>
public sealed class ObligationGeneratorTests
{
    private static readonly TimeOnly EndOfDay = RegimeZone.EndOfDay;

    public static TheoryData<string, DeadlineRule, string, string, string> PeriodicRules => new()
    {
        { "daily stands on a holiday", new DailyRule(new(21, 0)), "2026-10-01", "2026-10-01", "2026-10-01 21:00" },
        { "daily stands on a Sunday", new DailyRule(new(21, 0)), "2026-11-22", "2026-11-22", "2026-11-22 21:00" },
        { "weekly: the next Monday 17:00", new WeeklyRule(DayOfWeek.Monday, new(17, 0)), "2026-W47", "2026-11-23", "2026-11-23 17:00" },
        { "weekly: Monday in National Day moves to the 8th", new WeeklyRule(DayOfWeek.Monday, new(17, 0)), "2026-W40", "2026-10-08", "2026-10-08 17:00" },
        { "weekly: Monday in Spring Festival moves to the 24th", new WeeklyRule(DayOfWeek.Monday, new(17, 0)), "2026-W08", "2026-02-24", "2026-02-24 17:00" },
        { "weekly: ISO week 53 of 2026 rolls into 2027", new WeeklyRule(DayOfWeek.Monday, new(17, 0)), "2026-W53", "2027-01-04", "2027-01-04 17:00" },
        { "last day: a make-up Saturday is worked, so it stands", new MonthlyLastDayRule(new(17, 0), 28), "2026-02", "2026-02-28", "2026-02-28 17:00" },
        { "last day: a Saturday moves to Monday", new MonthlyLastDayRule(new(17, 0), 28), "2026-01", "2026-02-02", "2026-02-02 17:00" },
        { "last day: 2026-10-31 is a Saturday", new MonthlyLastDayRule(new(17, 0), 28), "2026-10", "2026-11-02", "2026-11-02 17:00" },
        { "day 30 clamps to February's end", new MonthlyDayRule(30, 0, EndOfDay), "2026-02", "2026-02-28", "2026-02-28 23:59:59" },
        { "day 30 on a Saturday moves to Monday", new MonthlyDayRule(30, 0, EndOfDay), "2026-05", "2026-06-01", "2026-06-01 23:59:59" },
        { "day 30 on a weekday stands", new MonthlyDayRule(30, 0, EndOfDay), "2026-09", "2026-09-30", "2026-09-30 23:59:59" },
        { "day 5 of the next month, inside National Day", new MonthlyDayRule(5, 1, EndOfDay), "2026-09", "2026-10-08", "2026-10-08 23:59:59" },
        { "quarterly: the 5th of the next quarter inside National Day", new QuarterlyRule(5, EndOfDay), "2026-Q3", "2026-10-08", "2026-10-08 23:59:59" },
        { "quarterly: Q4 rolls over into January", new QuarterlyRule(5, EndOfDay), "2025-Q4", "2026-01-05", "2026-01-05 23:59:59" },
        { "quarterly: the 5th in Qingming moves to the 7th", new QuarterlyRule(5, EndOfDay), "2026-Q1", "2026-04-07", "2026-04-07 23:59:59" },
    };

    [Theory]
    [MemberData(nameof(PeriodicRules))]
    public void Generate_PeriodicRule_FallsDueAsTheRegimeSays(string edge, DeadlineRule rule, string period, string dueDate, string due)
    {
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", rule)]));

        var obligations = generator.Generate(D(dueDate), D(dueDate));

        obligations.Should().Contain(o => o.Period.Id == period, edge)
            .Which.Due.Should().Be(T(due), edge);
    }

    [Fact]
    public void Generate_WeeklyAcrossSpringFestival_GivesTwoWeeksOneDueDate()
    {
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", new WeeklyRule(DayOfWeek.Monday, new(17, 0)))]));

        var obligations = generator.Generate(D("2026-02-24"), D("2026-02-24"));

        obligations.Select(o => o.Period.Id).Should().Equal("2026-W07", "2026-W08");
    }

    [Fact]
    public void Generate_WithStandPolicy_KeepsAWeeklyDeadlineOnTheHoliday()
    {
        var report = Build.Report("r", new WeeklyRule(DayOfWeek.Monday, new(17, 0)), policy: NonWorkingDayPolicy.Stand);

        var obligation = new ObligationGenerator(Build.Regime([report])).Generate(D("2026-10-05"), D("2026-10-05")).Single();

        obligation.Due.Should().Be(T("2026-10-05 17:00"));
    }

    [Fact]
    public void Generate_WithPreviousWorkingDayPolicy_MovesBackAcrossTheHoliday()
    {
        var report = Build.Report("r", new QuarterlyRule(5, EndOfDay), policy: NonWorkingDayPolicy.PreviousWorkingDay);

        var obligation = new ObligationGenerator(Build.Regime([report])).Generate(D("2026-09-01"), D("2026-10-31")).Single();

        obligation.Due.Should().Be(T("2026-09-30 23:59:59"));
    }

    public static TheoryData<string, DeadlineRule, ProjectEvent, string> EventRules => new()
    {
        {
            "24 hours after a meeting ends",
            new EventRule(EventKinds.CrmMeeting, EventAnchor.End, new(24, OffsetUnit.Hours), EndOfDay),
            Build.Event("m1", EventKinds.CrmMeeting, "2026-11-02 09:30", "2026-11-02 11:00"),
            "2026-11-03 11:00"
        },
        {
            "3 working days after a review, across National Day",
            new EventRule(EventKinds.JointDrawingReview, EventAnchor.End, new(3, OffsetUnit.WorkingDays), EndOfDay),
            Build.Event("j1", EventKinds.JointDrawingReview, "2026-09-29 14:00", "2026-09-29 17:00"),
            "2026-10-09 23:59:59"
        },
        {
            "10 days before an opening, on a Sunday, stands",
            new EventRule(EventKinds.SalesOpening, EventAnchor.Start, new(-10, OffsetUnit.Days), EndOfDay),
            Build.Event("s1", EventKinds.SalesOpening, "2026-12-05 10:00", "2026-12-05 18:00"),
            "2026-11-25 23:59:59"
        },
        {
            "3 days after a window ends",
            new EventRule(EventKinds.SiteOpen, EventAnchor.End, new(3, OffsetUnit.Days), EndOfDay),
            Build.Event("w1", EventKinds.SiteOpen, "2026-11-21 00:00", "2026-11-22 23:59:59"),
            "2026-11-25 23:59:59"
        },
        {
            "12 hours after a major complaint, past midnight",
            new EventRule(EventKinds.MajorComplaint, EventAnchor.Start, new(12, OffsetUnit.Hours), EndOfDay),
            Build.Event("c1", EventKinds.MajorComplaint, "2026-11-12 20:30", "2026-11-12 20:30"),
            "2026-11-13 08:30"
        },
    };

    [Theory]
    [MemberData(nameof(EventRules))]
    public void Generate_EventRule_FallsDueRelativeToTheEvent(string edge, DeadlineRule rule, ProjectEvent e, string due)
    {
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", rule)], [e]));

        var obligation = generator.Generate(D("2026-09-01"), D("2026-12-31")).Should().ContainSingle(edge).Subject;

        obligation.Due.Should().Be(T(due), edge);
        obligation.Period.Id.Should().Be(e.Id);
        obligation.EventId.Should().Be(e.Id);
    }

    [Fact]
    public void Generate_EventWindowDaily_OwesOneReportPerDayOfTheWindow()
    {
        var e = Build.Event("open", EventKinds.SiteOpen, "2026-11-21 00:00", "2026-11-23 23:59:59");
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", new EventWindowDailyRule(EventKinds.SiteOpen, new(21, 0)))], [e]));

        var obligations = generator.Generate(D("2026-11-01"), D("2026-11-30"));

        obligations.Select(o => (o.Period.Id, o.Due)).Should().Equal(
            ("open@2026-11-21", T("2026-11-21 21:00")),
            ("open@2026-11-22", T("2026-11-22 21:00")),
            ("open@2026-11-23", T("2026-11-23 21:00")));
    }

    [Fact]
    public void Generate_UnderAThaiCulture_NamesPeriodsInTheGregorianCalendar()
    {
        var e = Build.Event("open", EventKinds.SiteOpen, "2026-11-21 00:00", "2026-11-21 23:59:59");
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", new EventWindowDailyRule(EventKinds.SiteOpen, new(21, 0)))], [e]));
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");

            generator.Generate(D("2026-11-01"), D("2026-11-30")).Single().Period.Id.Should().Be("open@2026-11-21");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Generate_EventRecurringWeekly_StartsSixtyDaysBeforeAndRepeatsUntilTheEvent()
    {
        var e = Build.Event("delivery", EventKinds.Delivery, "2026-12-26 09:00", "2026-12-27 18:00");
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", new EventRecurringWeeklyRule(EventKinds.Delivery, 60, 7))], [e]));

        var obligations = generator.Generate(D("2026-09-01"), D("2026-12-31"));

        obligations.Should().HaveCount(9);
        obligations[0].Should().Match<Obligation>(o => o.Period.Id == "delivery#1" && o.Due == T("2026-10-27 23:59:59"));
        obligations[^1].Should().Match<Obligation>(o => o.Period.Id == "delivery#9" && o.Due == T("2026-12-22 23:59:59"));
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-31", "2026-national-day", "2026-10-08 12:00")]
    [InlineData("2026-02-01", "2026-02-28", "2026-spring-festival", "2026-02-24 12:00")]
    [InlineData("2025-10-01", "2025-10-31", "2025-national-day", "2025-10-09 12:00")]
    [InlineData("2026-01-01", "2026-01-10", "2026-new-year", "2026-01-04 12:00")]
    public void Generate_AfterLongHoliday_FallsDueOnTheFirstWorkingDayAfter(string from, string to, string period, string due)
    {
        var generator = new ObligationGenerator(Build.Regime([Build.Report("r", new AfterLongHolidayRule(new(12, 0), LongHolidayPolicy.Default))]));

        var obligation = generator.Generate(D(from), D(to)).Should().ContainSingle().Subject;

        obligation.Should().Match<Obligation>(o => o.Period.Id == period && o.Due == T(due));
    }

    [Fact]
    public void Generate_ForOneUnit_ListsOnlyThatUnitsObligations()
    {
        var generator = new ObligationGenerator(Shipped.Regime);

        var obligations = generator.Generate(D("2026-11-01"), D("2026-11-30"), "cq-crm");

        obligations.Should().NotBeEmpty().And.OnlyContain(o => o.UnitId == "cq-crm");
        obligations.Should().BeInAscendingOrder(o => o.Due);
    }

    [Fact]
    public void Generate_TheShippedRegimeForAMonth_OwesEveryWatchedRoutineReport()
    {
        var obligations = new ObligationGenerator(Shipped.Regime).Generate(D("2026-11-01"), D("2026-11-30"));

        obligations.Count(o => o.ReportId == "callcenter-daily").Should().Be(30);
        obligations.Where(o => o.ReportId == "warranty-weekly").Select(o => o.UnitId).Distinct().Should().HaveCount(4);
        obligations.Should().NotContain(o => o.ReportId == "delivery-mock-acceptance", "SMS reports are not watched by default");
        obligations.Should().Contain(o => o.ReportId == "complaint-analysis-monthly" && o.UnitId == "nj-crm", "nj-crm opts in");
        obligations.Should().NotContain(o => o.ReportId == "complaint-analysis-monthly" && o.UnitId != "nj-crm", "it is off by default");
        obligations.Select(o => o.Key).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Generate_OpensNoLaterThanDue()
    {
        var obligations = new ObligationGenerator(Shipped.Regime).Generate(D("2025-01-01"), D("2026-12-31"));

        obligations.Should().OnlyContain(o => o.Opens <= o.Due);
    }
}
