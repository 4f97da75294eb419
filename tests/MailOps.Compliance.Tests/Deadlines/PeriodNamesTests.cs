using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Deadlines;

/// <summary>How the shipped regime's obligations name their periods for people, in Chinese and English.</summary>
public sealed class PeriodNamesTests
{
    private static readonly Regime Regime = Shipped.Regime;
    private static readonly PeriodNames Names = new(Regime);

    // Every report assigned, watched or not: delivery-mock-acceptance goes by SMS, and people still read its periods.
    private static readonly IReadOnlyList<Obligation> Owed =
    [
        .. Regime.Directory.Units.SelectMany(unit => Regime.Catalog.Reports
            .Where(report => Regime.Assigns(unit, report))
            .SelectMany(report => new ObligationGenerator(Regime).Occurrences(unit, report, D("2026-09-01"), D("2027-01-31")))),
    ];

    public static TheoryData<string, string, string, string, string, string> Rows => new()
    {
        { "a day", "callcenter-daily", "callcenter", "2026-11-23", "11月23日", "23 Nov" },
        { "an ISO week inside a month", "callcenter-weekly", "callcenter", "2026-W47", "第47周（11.16–11.22）", "week 47 (16–22 Nov)" },
        { "an ISO week across two months", "callcenter-weekly", "callcenter", "2026-W44", "第44周（10.26–11.1）", "week 44 (26 Oct–1 Nov)" },
        { "an ISO week across two years", "callcenter-weekly", "callcenter", "2026-W53", "第53周（2026.12.28–2027.1.3）", "week 53 (28 Dec 2026–3 Jan 2027)" },
        { "a month", "crm-monthly", "cq-crm", "2026-11", "2026年11月", "November 2026" },
        { "a quarter", "defect-feedback-quarterly", "cq-crm", "2026-Q3", "2026年第三季度", "Q3 2026" },
        { "a long holiday", "holiday-duty-summary", "cq-crm", "2026-national-day", "国庆节长假（10月1日–7日）", "National Day holiday (1–7 Oct)" },
        { "a meeting", "crm-meeting-minutes", "cq-crm", "cq-2026-11-30-crm-meeting", "11月30日例会", "CRM meeting, 30 Nov" },
        { "a day of an event's window", "site-open-daily", "cs-crm", "cs-2026-11-site-open@2026-11-21", "工地开放 11月21日", "site open, 21 Nov" },
        { "an event of two days", "site-open-flash", "cs-crm", "cs-2026-11-site-open", "11月21日–22日工地开放", "site open, 21–22 Nov" },
        { "an event across months", "delivery-flash", "sz-crm", "sz-2026-12-delivery", "12月26日–27日集中交付", "delivery, 26–27 Dec" },
        { "a report of a series before an event", "delivery-mock-acceptance", "sz-crm", "sz-2026-12-delivery#2", "12月26日–27日集中交付·第2次", "delivery, 26–27 Dec: report 2" },
        { "a complaint", "major-complaint", "cd-crm", "cd-2026-11-complaint-major", "11月25日重大投诉", "major complaint, 25 Nov" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Of_AnObligation_NamesItsPeriodInPeoplesWords(string edge, string report, string unit, string period, string zh, string en)
    {
        var obligation = Owed.Single(o => o.ReportId == report && o.UnitId == unit && o.Period.Id == period);

        Names.Of(obligation).Should().Be(new LocalizedText(zh, en), edge);
    }

    [Theory]
    [InlineData("2026-11", "2026年11月", "November 2026")]
    [InlineData("2026-Q4", "2026年第四季度", "Q4 2026")]
    [InlineData("2027-W01", "第1周（1.4–1.10）", "week 1 (4–10 Jan)")]
    public void Of_ACalendarPeriod_NamesIt(string id, string zh, string en)
    {
        Period.TryParse(id, out var period).Should().BeTrue();

        Names.Of(period).Should().Be(new LocalizedText(zh, en));
    }

    [Fact]
    public void Of_AnEventNoLongerInTheRegime_IsItsId()
    {
        var gone = new Obligation("crm-meeting-minutes", "cq-crm", new Period("cq-2025-01-06-crm-meeting", D("2025-01-06"), D("2025-01-06")), T("2025-01-07 11:00"), T("2025-01-06 11:00"), "cq-2025-01-06-crm-meeting");

        Names.Of(gone).Should().Be(new LocalizedText("cq-2025-01-06-crm-meeting", "cq-2025-01-06-crm-meeting"));
    }
}
