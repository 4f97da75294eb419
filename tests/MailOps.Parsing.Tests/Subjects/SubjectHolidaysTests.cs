using System.Globalization;
using MailOps.Parsing.Subjects;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Subjects;

/// <summary>The holidays a subject names, by the shipped calendar's names (2025 and 2026).</summary>
public sealed class SubjectHolidaysTests
{
    private static string[] Named(string subject, string received) =>
        [.. SubjectHolidays.Find(
                SubjectNormalizer.Normalize(subject).Text,
                TestRegime.Regime.Calendar.Holidays,
                DateOnly.ParseExact(received, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(h => $"{h.Year}-{h.Key}")];

    [Theory]
    [InlineData("成都公司客户关系部国庆长假值班总结", "2026-10-08", "2026-national-day", "国庆 is 国庆节 without 节")]
    [InlineData("国庆节值班总结", "2026-10-08", "2026-national-day", "the calendar's own name")]
    [InlineData("中秋长假值班总结", "2026-10-08", "2026-mid-autumn", "the holiday before the last one")]
    [InlineData("五一长假值班总结", "2026-05-06", "2026-labour-day", "五一 is 劳动节")]
    [InlineData("劳动节值班总结", "2026-05-06", "2026-labour-day", "the calendar's own name")]
    [InlineData("春节长假值班总结", "2026-02-24", "2026-spring-festival", "春节 keeps its 节")]
    [InlineData("清明值班总结", "2026-04-07", "2026-qingming", "清明节 without 节")]
    [InlineData("端午值班总结", "2026-06-22", "2026-dragon-boat", "端午节 without 节")]
    [InlineData("元旦值班总结", "2026-01-04", "2026-new-year", "元旦")]
    [InlineData("2025年中秋长假值班总结", "2026-01-04", "2025-national-day", "the year named; 2025's arrangement is 国庆节、中秋节")]
    [InlineData("Mid-Autumn Festival duty summary", "2026-10-08", "2026-mid-autumn", "the calendar's English name")]
    [InlineData("國慶長假值班總結", "2026-10-08", "2026-national-day", "traditional characters")]
    [InlineData("国庆长假值班总结", "2026-09-28", "2026-national-day", "the coming holiday is nearer than last year's")]
    public void Find_AHolidayNamed_GivesItsArrangementNearestTheReceivedDate(string subject, string received, string holiday, string because)
    {
        Named(subject, received).Should().Equal([holiday], because);
    }

    [Fact]
    public void Find_TwoHolidaysNamed_GivesBoth()
    {
        Named("中秋国庆长假值班总结", "2026-10-08").Should().BeEquivalentTo("2026-mid-autumn", "2026-national-day");
    }

    [Theory]
    [InlineData("呼叫中心信息日报（2026-10-08）", "2026-10-08")]
    [InlineData("春节长假值班总结", "2027-06-01")]
    [InlineData("Holiday duty summary", "2026-10-08")]
    public void Find_NoHolidayNearEnough_GivesNone(string subject, string received)
    {
        Named(subject, received).Should().BeEmpty();
    }
}
