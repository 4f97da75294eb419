using MailOps.Compliance.Deadlines;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Deadlines;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-11-23", "2026-11-23", "2026-11-23")]
    [InlineData("2026-W47", "2026-11-16", "2026-11-22")]
    [InlineData("2026-W53", "2026-12-28", "2027-01-03")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    public void TryParse_ACalendarPeriod_GivesItsDays(string id, string start, string end)
    {
        Period.TryParse(id, out var period).Should().BeTrue();

        period.Should().Be(new Period(id, D(start), D(end)));
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26-11")]
    [InlineData("9999-12")]
    [InlineData("site-open")]
    [InlineData("")]
    public void TryParse_SomethingElse_IsRefused(string id)
    {
        Period.TryParse(id, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-29", "2026-11", "2026-Q4", "within one month")]
    [InlineData("2026-11-16", "2026-12-06", "2026-11 2026-12", "2026-Q4", "a week that runs into the next month")]
    [InlineData("2026-09-20", "2026-11-29", "2026-09 2026-10 2026-11", "2026-Q3 2026-Q4", "across a quarter's end")]
    [InlineData("2026-12-28", "2027-01-03", "2026-12 2027-01", "2026-Q4 2027-Q1", "across the year's end")]
    [InlineData("2026-11-24", "2026-11-24", "2026-11", "2026-Q4", "one day")]
    [InlineData("2026-12-01", "2026-11-29", "", "", "a range that ends before it starts touches nothing")]
    [InlineData("2026-11-24", "2026-11-10", "", "", "even within one month")]
    public void MonthsAndQuartersTouching_ARange_AreEveryOneItsDaysFallIn(string from, string to, string months, string quarters, string edge)
    {
        Period.MonthsTouching(D(from), D(to)).Select(p => p.Id).Should().Equal(months.Split(' ', StringSplitOptions.RemoveEmptyEntries), edge);
        Period.QuartersTouching(D(from), D(to)).Select(p => p.Id).Should().Equal(quarters.Split(' ', StringSplitOptions.RemoveEmptyEntries), edge);
    }

    [Fact]
    public void Week_OfASunday_IsTheIsoWeekEndingThatDay()
    {
        Period.Week(D("2026-11-22")).Id.Should().Be("2026-W47");
    }
}
