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

    [Fact]
    public void Week_OfASunday_IsTheIsoWeekEndingThatDay()
    {
        Period.Week(D("2026-11-22")).Id.Should().Be("2026-W47");
    }
}
