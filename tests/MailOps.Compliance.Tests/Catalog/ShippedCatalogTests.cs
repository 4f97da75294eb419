using MailOps.Compliance.Catalog;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Organisation;
using MailOps.Compliance.Tests.Support;

namespace MailOps.Compliance.Tests.Catalog;

/// <summary>The shipped catalog holds the report matrix: its ids are the public contract.</summary>
public sealed class ShippedCatalogTests
{
    private static ReportCatalog Catalog => Shipped.Regime.Catalog;

    public static readonly string[] MatrixIds =
    [
        "callcenter-daily", "callcenter-weekly", "callcenter-monthly", "warranty-weekly", "warranty-monthly", "crm-meeting-minutes",
        "holiday-duty-summary", "joint-review-summary", "showflat-risk-check", "sales-opening-risk-check", "delivery-mock-acceptance",
        "site-open-risk-check", "site-open-plan", "site-open-daily", "site-open-flash", "delivery-risk-check", "delivery-plan",
        "delivery-daily", "delivery-flash", "customer-event-flash",
        "crm-monthly", "site-open-summary", "delivery-summary", "hot-complaint", "major-complaint", "defect-feedback-quarterly", "compensation-quarterly",
        "complaint-analysis-monthly", "project-progress-monthly",
    ];

    [Fact]
    public void Reports_AreExactlyTheMatrixIds()
    {
        Catalog.Reports.Select(r => r.Id).Should().BeEquivalentTo(MatrixIds);
    }

    [Fact]
    public void EveryReport_HasRecipientsAKeywordAndADeadline()
    {
        Catalog.Reports.Should().OnlyContain(r => r.To.Count > 0 && r.Keywords.Count > 0 && r.Name.Zh.Length > 0 && r.Name.En.Length > 0);
    }

    [Theory]
    [InlineData("callcenter-daily", "daily", "group.cs,property.butler-center", "")]
    [InlineData("callcenter-weekly", "weekly", "city.crm,property.butler-center", "group.cs")]
    [InlineData("warranty-monthly", "monthly-last-day", "city.engineering.lead,city.project.lead,city.warranty.supervisor,property.project.manager", "city.gm,city.crm.manager,group.cs,group.engineering,property.chair-gm")]
    [InlineData("crm-monthly", "monthly-day", "city.all,property.project.lead", "city.gm,group.cs")]
    [InlineData("holiday-duty-summary", "after-long-holiday", "city.crm.manager,city.hr-admin.manager,city.operations.manager", "city.gm,group.cs")]
    [InlineData("site-open-daily", "event-window-daily", "city.all,property.project.lead", "city.gm,group.operations.gm,group.engineering.gm,group.cs.gm,group.design.gm,group.marketing.gm,property.chair-gm")]
    [InlineData("delivery-mock-acceptance", "event-recurring-weekly", "city.crm,city.marketing,city.design,city.engineering,property.project.lead", "city.gm,group.cs,group.engineering,group.design,group.marketing,group.operations,property.chair-gm")]
    [InlineData("major-complaint", "event", "city.responsible-dept,city.related-depts", "group.management,city.gm,group.cs,group.related-depts")]
    [InlineData("compensation-quarterly", "quarterly", "group.cs,group.operations,group.marketing,group.procurement,group.cost,group.design", "city.gm,city.related-depts")]
    public void Report_CarriesTheMatrixRuleAndRecipients(string id, string ruleKind, string to, string cc)
    {
        var report = Catalog[id];

        report.Deadline.Kind.Should().Be(ruleKind);
        report.To.Should().Equal(to.Split(','));
        report.Cc.Should().Equal(cc.Length == 0 ? [] : cc.Split(','));
    }

    [Fact]
    public void Owners_FollowTheSubmitterRole()
    {
        Catalog.Reports.Should().OnlyContain(r =>
            (r.SubmitterRole.StartsWith("callcenter.", StringComparison.Ordinal) && r.Owner == UnitKind.CallCenter)
            || (r.SubmitterRole == "property.warranty.head" && r.Owner == UnitKind.PropertyWarranty)
            || (r.SubmitterRole.StartsWith("city.", StringComparison.Ordinal) && r.Owner == UnitKind.CityCrm));
    }

    [Fact]
    public void OnlyEmailReports_AreWatched_AndTheSeed004Extras_AreOffByDefault()
    {
        Catalog["delivery-mock-acceptance"].Should().Match<ReportDefinition>(r => r.Channel == Channel.Sms && !r.Monitored);
        Catalog["complaint-analysis-monthly"].Enabled.Should().BeFalse();
        Catalog["project-progress-monthly"].Enabled.Should().BeFalse();
        Catalog.Reports.Where(r => r.Channel == Channel.Email).Should().OnlyContain(r => r.Monitored);
    }

    [Fact]
    public void DailyReports_Stand_AndPeriodicReports_MoveToTheNextWorkingDay()
    {
        Catalog["callcenter-daily"].NonWorkingDay.Should().Be(NonWorkingDayPolicy.Stand);
        Catalog["callcenter-weekly"].NonWorkingDay.Should().Be(NonWorkingDayPolicy.NextWorkingDay);
        Catalog["warranty-monthly"].NonWorkingDay.Should().Be(NonWorkingDayPolicy.NextWorkingDay);
        Catalog["defect-feedback-quarterly"].NonWorkingDay.Should().Be(NonWorkingDayPolicy.NextWorkingDay);
    }
}
