using MailOps.Compliance.Calendar;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static WorkingCalendar Calendar => Shipped.Regime.Calendar;

    [Theory]
    [InlineData("2026-11-23", true, "a plain Monday")]
    [InlineData("2026-11-21", false, "a plain Saturday")]
    [InlineData("2026-01-01", false, "New Year's Day")]
    [InlineData("2026-01-04", true, "Sunday worked for New Year")]
    [InlineData("2026-02-14", true, "Saturday worked before Spring Festival")]
    [InlineData("2026-02-16", false, "Spring Festival Monday")]
    [InlineData("2026-02-23", false, "last day of Spring Festival")]
    [InlineData("2026-02-24", true, "first working day after Spring Festival")]
    [InlineData("2026-02-28", true, "Saturday worked after Spring Festival")]
    [InlineData("2026-05-09", true, "Saturday worked for Labour Day")]
    [InlineData("2026-09-20", true, "Sunday worked before National Day")]
    [InlineData("2026-10-01", false, "National Day")]
    [InlineData("2026-10-07", false, "last day of National Day")]
    [InlineData("2026-10-08", true, "first working day after National Day")]
    [InlineData("2026-10-10", true, "Saturday worked after National Day")]
    [InlineData("2025-10-08", false, "2025's National Day runs to the 8th")]
    [InlineData("2025-09-28", true, "Sunday worked in 2025")]
    [InlineData("2027-01-04", true, "a year without data falls back to Monday to Friday")]
    public void IsWorkingDay_OfficialArrangement_FollowsTheNotice(string day, bool working, string because)
    {
        Calendar.IsWorkingDay(D(day)).Should().Be(working, because);
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-08", "across National Day")]
    [InlineData("2026-02-13", "2026-02-14", "onto the make-up Saturday")]
    [InlineData("2026-02-14", "2026-02-24", "across Spring Festival")]
    [InlineData("2026-11-20", "2026-11-23", "across a weekend")]
    [InlineData("2026-12-31", "2027-01-01", "into a year without data")]
    public void NextWorkingDay_SkipsDaysOff(string day, string next, string because)
    {
        Calendar.NextWorkingDay(D(day)).Should().Be(D(next), because);
    }

    [Theory]
    [InlineData("2026-09-29", 3, "2026-10-09")]
    [InlineData("2026-10-09", -2, "2026-09-30")]
    [InlineData("2026-11-23", 0, "2026-11-23")]
    [InlineData("2026-10-03", 1, "2026-10-08")]
    public void AddWorkingDays_CountsOnlyWorkingDays(string day, int count, string expected)
    {
        Calendar.AddWorkingDays(D(day), count).Should().Be(D(expected));
    }

    [Fact]
    public void LongHolidays_Of2026_AreEveryStatutoryRunOfThreeDaysOrMore()
    {
        var holidays = Calendar.LongHolidays(D("2026-01-01"), D("2026-12-31"), LongHolidayPolicy.Default);

        holidays.Select(h => (h.Id, h.FirstDay, h.LastDay, h.FirstWorkingDayAfter)).Should().Equal(
            ("2026-new-year", D("2026-01-01"), D("2026-01-03"), D("2026-01-04")),
            ("2026-spring-festival", D("2026-02-15"), D("2026-02-23"), D("2026-02-24")),
            ("2026-qingming", D("2026-04-04"), D("2026-04-06"), D("2026-04-07")),
            ("2026-labour-day", D("2026-05-01"), D("2026-05-05"), D("2026-05-06")),
            ("2026-dragon-boat", D("2026-06-19"), D("2026-06-21"), D("2026-06-22")),
            ("2026-mid-autumn", D("2026-09-25"), D("2026-09-27"), D("2026-09-28")),
            ("2026-national-day", D("2026-10-01"), D("2026-10-07"), D("2026-10-08")));
    }

    [Fact]
    public void LongHolidays_WithAMinimumAndKeys_KeepOnlyThoseNamedAndLongEnough()
    {
        var policy = new LongHolidayPolicy(5, ["spring-festival", "labour-day", "national-day", "qingming"]);

        var holidays = Calendar.LongHolidays(D("2025-01-01"), D("2026-12-31"), policy);

        holidays.Select(h => h.Id).Should().Equal(
            "2025-spring-festival", "2025-labour-day", "2025-national-day",
            "2026-spring-festival", "2026-labour-day", "2026-national-day");
        holidays.Single(h => h.Id == "2025-national-day").FirstWorkingDayAfter.Should().Be(D("2025-10-09"));
    }

    [Fact]
    public void LongHolidays_OfAWeekendRun_IncludeTheWeekendAroundTheDaysOff()
    {
        var calendar = new WorkingCalendar([2030], [new HolidayArrangement(2030, "x", new("某节", "X"), D("2030-05-03"), D("2030-05-03"), [])]);

        var holiday = calendar.LongHolidays(D("2030-01-01"), D("2030-12-31"), LongHolidayPolicy.Default).Single();

        holiday.FirstDay.Should().Be(D("2030-05-03"), "a Friday off");
        holiday.LastDay.Should().Be(D("2030-05-05"), "joined by the weekend after it");
        holiday.Days.Should().Be(3);
    }

    [Theory]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-11-01", false)]
    [InlineData("2026-11-02", true)]
    [InlineData("2026-11-24", true)]
    [InlineData("2027-03-01", true)]
    public void CoverageWarning_WithinSixtyDaysOfTheDataEnding_Warns(string asOf, bool warns)
    {
        var warning = Calendar.CoverageWarning(D(asOf));

        if (warns)
        {
            warning.Should().NotBeNull();
            warning!.DataEndsOn.Should().Be(D("2026-12-31"));
            warning.Message.En.Should().Contain("2027");
        }
        else
        {
            warning.Should().BeNull();
        }
    }
}
