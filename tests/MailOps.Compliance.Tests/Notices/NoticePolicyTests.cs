using MailOps.Compliance.Catalog;
using MailOps.Compliance.Notices;
using MailOps.Compliance.Tests.Support;

namespace MailOps.Compliance.Tests.Notices;

/// <summary>Which timing a report gets: its own, else its category's, else the default.</summary>
public sealed class NoticePolicyTests
{
    private static ReportDefinition Report(string id) => Shipped.Regime.Catalog[id];

    [Theory]
    [InlineData("callcenter-daily", "80%")]
    [InlineData("crm-monthly", "80%")]
    [InlineData("holiday-duty-summary", "opens")]
    [InlineData("customer-event-flash", "opens")]
    public void Default_NudgesEventReportsWhenTheyOpenAndTheRestAt80Percent(string report, string timing)
    {
        NoticePolicy.Default.TimingFor(Report(report)).Text.Should().Be(timing);
    }

    [Fact]
    public void Default_SendsOverdueNoticesHalfAnHourLateWithinNineToNineAndNoSmsReminders()
    {
        NoticePolicy.Default.Should().Match<NoticePolicy>(p =>
            p.OverdueNotices && p.OverdueAfter == TimeSpan.FromMinutes(30)
            && p.WorkdayStart == new TimeOnly(9, 0) && p.WorkdayEnd == new TimeOnly(21, 0)
            && !p.RemindNonEmailChannels && p.ByReport.Count == 0);
    }

    [Fact]
    public void TimingFor_TheReportsOwn_OverridesItsCategoryWhichOverridesTheDefault()
    {
        var policy = NoticePolicy.Default with
        {
            DefaultTiming = NudgeTiming.Fraction(0.5),
            ByCategory = new Dictionary<ReportCategory, NudgeTiming> { [ReportCategory.Routine] = NudgeTiming.BeforeDue(TimeSpan.FromHours(1)) },
            ByReport = new Dictionary<string, NudgeTiming> { ["callcenter-daily"] = NudgeTiming.OnDueDateAt(new(10, 0)) },
        };

        policy.TimingFor(Report("callcenter-daily")).Text.Should().Be("10:00", "the report's own timing wins");
        policy.TimingFor(Report("callcenter-weekly")).Text.Should().Be("-01:00", "a routine report without its own takes its category's");
        policy.TimingFor(Report("crm-monthly")).Text.Should().Be("50%", "an assessment report has neither, so takes the default");
        policy.TimingFor(Report("holiday-duty-summary")).Text.Should().Be("50%", "replacing the categories drops the default's special = opens");
    }

    [Fact]
    public void TimingFor_OffForOneReport_SilencesOnlyThatReport()
    {
        var policy = NoticePolicy.Default with { ByReport = new Dictionary<string, NudgeTiming> { ["customer-event-flash"] = NudgeTiming.Off } };

        policy.TimingFor(Report("customer-event-flash")).Enabled.Should().BeFalse();
        policy.TimingFor(Report("site-open-flash")).Text.Should().Be("opens");
    }
}
