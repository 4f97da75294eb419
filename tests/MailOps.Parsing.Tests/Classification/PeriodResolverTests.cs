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

        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog[report], named).Should().Be(period);
    }

    [Fact]
    public void CalendarPeriod_OfAnEventReport_IsNotToldWithoutAUnit()
    {
        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog["site-open-daily"], Range(11, 21, 11, 21)).Should().BeNull();
    }

    [Fact]
    public void CalendarPeriod_OfAWeekForAMonthlyReport_IsNotTold()
    {
        var week = new SubjectPeriod(SubjectPeriodKind.Week, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));

        PeriodResolver.CalendarPeriod(TestRegime.Regime.Catalog["callcenter-monthly"], week).Should().BeNull();
    }
}
