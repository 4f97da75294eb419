using System.Globalization;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Tests.Subjects;

/// <summary>Every subject date form of docs/parsing.md, received on 2026-11-24 unless a row says otherwise.</summary>
public sealed class SubjectPeriodsTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("周报 2026-11-16至2026-11-22", "2026-11-24", SubjectPeriodKind.Range, "2026-11-16", "2026-11-22")]
    [InlineData("周报(2026年11月16日-11月22日)", "2026-11-24", SubjectPeriodKind.Range, "2026-11-16", "2026-11-22")]
    [InlineData("周报 11.16-11.22", "2026-11-24", SubjectPeriodKind.Range, "2026-11-16", "2026-11-22")]
    [InlineData("周报 12月28日~1月3日", "2027-01-04", SubjectPeriodKind.Range, "2026-12-28", "2027-01-03")]
    [InlineData("日报 2026年11月23日", "2026-11-24", SubjectPeriodKind.Day, "2026-11-23", "2026-11-23")]
    [InlineData("日报 2026-11-23", "2026-11-24", SubjectPeriodKind.Day, "2026-11-23", "2026-11-23")]
    [InlineData("日报 2026/11/23", "2026-11-24", SubjectPeriodKind.Day, "2026-11-23", "2026-11-23")]
    [InlineData("日报 2026.11.23", "2026-11-24", SubjectPeriodKind.Day, "2026-11-23", "2026-11-23")]
    [InlineData("周报 2026年第47周", "2026-11-24", SubjectPeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("周报 2026-W47", "2026-11-24", SubjectPeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("周报 11月第4周", "2026-11-30", SubjectPeriodKind.Week, "2026-11-23", "2026-11-29")]
    [InlineData("周报 11月第四周", "2026-11-30", SubjectPeriodKind.Week, "2026-11-23", "2026-11-29")]
    [InlineData("周报 10月第1周", "2026-10-10", SubjectPeriodKind.Week, "2026-09-28", "2026-10-04")]
    [InlineData("周报 第47周", "2026-11-24", SubjectPeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("周报 第53周", "2027-01-04", SubjectPeriodKind.Week, "2026-12-28", "2027-01-03")]
    [InlineData("日报 11月23日", "2026-11-24", SubjectPeriodKind.Day, "2026-11-23", "2026-11-23")]
    [InlineData("日报 12月31日", "2027-01-01", SubjectPeriodKind.Day, "2026-12-31", "2026-12-31")]
    [InlineData("日报 11.23", "2026-11-24", SubjectPeriodKind.Day, "2026-11-23", "2026-11-23")]
    [InlineData("季报 2026年第三季度", "2026-11-24", SubjectPeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("季报 2026年三季度", "2026-11-24", SubjectPeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("季报 2026Q3", "2026-11-24", SubjectPeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("季报 三季度", "2026-11-24", SubjectPeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("季报 第四季度", "2027-01-03", SubjectPeriodKind.Quarter, "2026-10-01", "2026-12-31")]
    [InlineData("季报 Q3", "2026-11-24", SubjectPeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("月报 2026年10月", "2026-11-24", SubjectPeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("月报 2026-10", "2026-11-24", SubjectPeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("月报 10月", "2026-11-24", SubjectPeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("月报 12月份", "2027-01-02", SubjectPeriodKind.Month, "2026-12-01", "2026-12-31")]
    public void Find_EachForm_GivesItsPeriod(string subject, string received, SubjectPeriodKind kind, string first, string last)
    {
        var normalized = SubjectNormalizer.Normalize(subject).Text;

        SubjectPeriods.Find(normalized, D(received)).Should().Be(new SubjectPeriod(kind, D(first), D(last)));
    }

    [Theory]
    [InlineData("呼叫中心信息日报")]
    [InlineData("日报 2026-02-30")]
    [InlineData("第60周")]
    [InlineData("13月")]
    public void Find_NoValidPeriod_GivesNone(string subject)
    {
        SubjectPeriods.Find(subject, D("2026-11-24")).Should().BeNull();
    }

    [Theory]
    [InlineData(2026, 11, 4, "2026-11-23")]
    [InlineData(2026, 10, 1, "2026-09-28")]
    [InlineData(2026, 11, 1, "2026-11-02")]
    [InlineData(2026, 2, 5, null)]
    public void WeekOfMonth_CountsTheIsoWeeksWhoseThursdayIsInTheMonth(int year, int month, int week, string? monday)
    {
        SubjectPeriods.WeekOfMonth(year, month, week).Should().Be(monday is null ? null : D(monday));
    }
}
