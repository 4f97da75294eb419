using System.Globalization;
using MailOps.Compliance.Deadlines;
using MailOps.Parsing.Classification;
using MailOps.Parsing.Subjects;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Classification;

public sealed class PeriodResolverTests
{
    private static SubjectPeriod Range(int fromMonth, int fromDay, int toMonth, int toDay) =>
        new(SubjectPeriodKind.Range, new DateOnly(2026, fromMonth, fromDay), new DateOnly(2026, toMonth, toDay));

    [Theory]
    [InlineData("callcenter-daily", "2026-11-16")]
    [InlineData("callcenter-weekly", "2026-W47")]
    [InlineData("callcenter-monthly", "2026-11")]
    [InlineData("defect-feedback-quarterly", "2026-Q4")]
    public void CalendarPeriod_OfARange_ReadsItAsTheReportsKindOfPeriod(string report, string period)
    {
        var named = report switch
        {
            "callcenter-monthly" => Range(10, 29, 11, 28),
            "defect-feedback-quarterly" => Range(9, 29, 10, 28),
            _ => Range(11, 16, 11, 22),
        };

        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog[report], named, new DateOnly(2026, 12, 31)).Should().Be(period);
    }

    [Fact]
    public void CalendarPeriod_OfAnEventReport_IsNotToldWithoutAUnit()
    {
        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog["site-open-daily"], Range(11, 21, 11, 21), new DateOnly(2026, 12, 31)).Should().BeNull();
    }

    [Fact]
    public void CalendarPeriod_OfAWeekForAMonthlyReport_IsNotTold()
    {
        var week = new SubjectPeriod(SubjectPeriodKind.Week, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));

        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog["callcenter-monthly"], week, new DateOnly(2026, 12, 31)).Should().BeNull();
    }

    [Theory]
    [InlineData("callcenter-weekly", "2026-11-23", "2026-11-23", "2026-W47", "the Monday it was sent, in a week not yet over")]
    [InlineData("callcenter-weekly", "2026-11-20", "2026-11-23", "2026-W47", "a day of the finished week")]
    [InlineData("defect-feedback-quarterly", "2027-01-03", "2027-01-04", "2026-Q4", "the day it was sent, in a quarter not yet over")]
    [InlineData("complaint-analysis-monthly", "2026-12-04", "2026-12-04", "2026-11", "due the month after: the send date")]
    [InlineData("callcenter-monthly", "2026-11-30", "2026-11-30", "2026-11", "due on the month's own last day: its month")]
    [InlineData("callcenter-daily", "2026-11-23", "2026-11-23", "2026-11-23", "a daily report's day is its day")]
    public void CalendarPeriod_OfASingleDay_ReadsASendDateAsThePeriodBefore(string report, string day, string received, string period, string because)
    {
        var named = new SubjectPeriod(SubjectPeriodKind.Day, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog[report], named, DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(period, because);
    }

    [Theory]
    [InlineData("2026-mid-autumn", "2026-10-08", "2026-mid-autumn", "the holiday named, though National Day ended since")]
    [InlineData("2026-national-day", "2026-10-08", "2026-national-day", "the holiday just over")]
    [InlineData("2026-national-day", "2026-10-05", "2026-national-day", "sent during the holiday")]
    [InlineData("2026-national-day", "2026-09-28", null, "a holiday not yet begun has no summary: the roster for the coming holiday")]
    [InlineData("2026-mid-autumn,2026-national-day", "2026-10-08", "2026-national-day", "of two named, the most recent that has begun")]
    [InlineData("2025-national-day", "2025-10-09", "2025-national-day", "2025's 国庆节、中秋节: one arrangement, one long holiday")]
    public void HolidayPeriod_OfTheHolidaysNamed_IsTheLongHolidayThatHoldsOne(string named, string received, string? period, string because)
    {
        var rule = (AfterLongHolidayRule)TestRegime.Regime.Catalog["holiday-duty-summary"].Deadline;
        var holidays = named.Split(',').Select(id => TestRegime.Regime.Calendar.Holidays.Single(h => $"{h.Year}-{h.Key}" == id)).ToList();

        new PeriodResolver(TestRegime.Regime).HolidayPeriod(rule, holidays, DateOnly.ParseExact(received, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Should().Be(period, because);
    }
}
