using System.Globalization;
using MailOps.Compliance;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;

namespace MailOps.SampleMailGenerator.Plan;

/// <summary>A report mail's subject and how its body names the period (the intro of "现将{intro}{report}报送如下").</summary>
internal sealed record Title(string Subject, string Intro);

/// <summary>
/// Subjects as the units write them: the report's name, the unit or project, and the period in one of the forms
/// docs/parsing.md reads (the form varies; the period it names does not). Event reports name the project and event.
/// </summary>
internal sealed class Subjects(Regime regime, Random random)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Title For(Obligation obligation)
    {
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        var report = regime.Catalog.Find(obligation.ReportId)!;
        var start = obligation.Period.Start;
        return report.Id switch
        {
            "callcenter-daily" => Daily("呼叫中心信息日报", start),
            "callcenter-weekly" => Weekly("呼叫中心信息周报", start),
            "callcenter-monthly" => Monthly("呼叫中心信息月报", start),
            "warranty-weekly" => Weekly(unit.Name.Zh + "周报", start),
            "warranty-monthly" => Monthly(unit.Name.Zh + "月报", start),
            "crm-meeting-minutes" => new($"{Company(unit)}客户关系部例会纪要（{Day(start)}）", Day(start)),
            "complaint-analysis-monthly" => new($"{Company(unit)}{start.Year}年{start.Month}月客户投诉分析报告", $"{start.Year}年{start.Month}月"),
            "crm-monthly" => Monthly(Company(unit) + "客户关系月报", start),
            _ => ForEvent(report.Id, Event(obligation), start),
        };
    }

    private static Title ForEvent(string reportId, ProjectEvent projectEvent, DateOnly day)
    {
        var project = projectEvent.Project.Replace("示例·", "", StringComparison.Ordinal);
        var what = projectEvent.Note ?? "";
        return reportId switch
        {
            "joint-review-summary" => new($"{project}{what}总结", what),
            "hot-complaint" => new($"【热点投诉】{project}{what}", ""),
            "major-complaint" => new($"【重大投诉】{project}{what}", ""),
            "showflat-risk-check" or "sales-opening-risk-check" or "site-open-risk-check" => new($"{project}{what}前风险检查报告", what + "前"),
            "delivery-risk-check" => new($"{project}{what}风险检查报告", what),
            "site-open-plan" or "delivery-plan" => new($"{project}{what}方案", what),
            "site-open-daily" or "delivery-daily" => new($"{project}{what}日报（{day.Month}月{day.Day}日）", $"{day.Month}月{day.Day}日"),
            "site-open-flash" or "delivery-flash" => new($"{project}{what}快报", what),
            "site-open-summary" or "delivery-summary" => new($"{project}{what}总结", what),
            "customer-event-flash" => new($"{project}{what}客户活动快报", what),
            _ => throw new ArgumentException($"no subject convention for {reportId}", nameof(reportId)),
        };
    }

    private Title Daily(string name, DateOnly day) => Pick(
        new Title($"{name}（{day.ToString("yyyy-MM-dd", Invariant)}）", Day(day)),
        new Title($"{name} {Day(day)}", Day(day)),
        new Title($"【日报】{name}（{day.Month}月{day.Day}日）", Day(day)));

    private Title Weekly(string name, DateOnly monday)
    {
        var thursday = monday.AddDays(3);
        var isoWeek = ISOWeek.GetWeekOfYear(thursday.ToDateTime(TimeOnly.MinValue));
        var year = $"{ISOWeek.GetYear(thursday.ToDateTime(TimeOnly.MinValue))}年第{isoWeek}周";
        var ofMonth = $"{thursday.Month}月第{(thursday.Day - 1) / 7 + 1}周";
        var range = $"{monday.ToString("yyyy-MM-dd", Invariant)}至{monday.AddDays(6).ToString("yyyy-MM-dd", Invariant)}";
        return Pick(new Title($"{name}（{year}）", year), new Title($"{name}（{ofMonth}）", ofMonth), new Title($"{name}（{range}）", range));
    }

    private static Title Monthly(string name, DateOnly first) => new($"{name}（{first.Year}年{first.Month}月）", $"{first.Year}年{first.Month}月");

    private Title Pick(params Title[] forms) => forms[random.Next(forms.Length)];

    private static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>重庆公司客户关系部 is written by 重庆公司.</summary>
    private static string Company(Unit unit) => unit.Name.Zh.Replace("客户关系部", "", StringComparison.Ordinal);

    private ProjectEvent Event(Obligation obligation) =>
        regime.Events.Single(e => e.Id == obligation.EventId);
}
