using System.Globalization;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Deadlines;

namespace MailOps.Worker.Notifications;

/// <summary>
/// A whole subject that parsing reads as an obligation's report and period (docs/parsing.md §3): the report's name when
/// it holds every word of one of its keyword groups (else the first group's words), then the period in a form the
/// subject reader knows: <c>2026年11月23日</c>, <c>2026年第47周</c>, <c>2026年11月</c>, <c>2026年第四季度</c>, and for an
/// event or a long holiday its first day, or its days as a range.
/// </summary>
internal static class SubjectExample
{
    private static readonly string[] Quarters = ["一", "二", "三", "四"];

    public static string For(ReportDefinition report, Obligation obligation)
    {
        var name = report.Name.Zh;
        var words = report.Keywords.Any(g => g.All(w => name.Contains(w, StringComparison.Ordinal))) || report.Keywords.Count == 0
            ? name
            : string.Join(" ", report.Keywords[0]);
        return $"{words} {PeriodWords(obligation.Period)}";
    }

    /// <summary>Each keyword group, its words joined by " + ".</summary>
    public static IReadOnlyList<string> Groups(ReportDefinition report) => [.. report.Keywords.Where(g => g.Count > 0).Select(g => string.Join(" + ", g))];

    private static string PeriodWords(Period period)
    {
        var (start, end) = (period.Start, period.End);
        if (!Period.TryParse(period.Id, out var calendar) || calendar != period)
        {
            return start == end ? Day(start) : Range(start, end);
        }

        if (start == end)
        {
            return Day(start);
        }

        if (start.Day == 1 && end == start.AddMonths(1).AddDays(-1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{start.Year}年{start.Month}月");
        }

        if (start.Day == 1 && end == start.AddMonths(3).AddDays(-1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{start.Year}年第{Quarters[(start.Month - 1) / 3]}季度");
        }

        var thursday = start.AddDays(3).ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(thursday)}年第{ISOWeek.GetWeekOfYear(thursday)}周");
    }

    private static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    private static string Range(DateOnly first, DateOnly last) =>
        first.Year == last.Year
            ? string.Create(CultureInfo.InvariantCulture, $"{Day(first)}-{last.Month}月{last.Day}日")
            : $"{Day(first)}-{Day(last)}";
}
