using MailOps.Parsing.Classification;
using MailOps.Parsing.Subjects;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Classification;

/// <summary>Which report a subject names with the shipped catalog, every report admitted.</summary>
public sealed class ReportClassifierTests
{
    private static readonly ReportClassifier Classifier = new(TestRegime.Regime.Catalog);

    private static string? ReportOf(string subject) =>
        Classifier.Classify(SubjectNormalizer.Normalize(subject).Text, _ => true).Report?.Id;

    [Theory]
    [InlineData("成都公司客户关系部国庆长假值班安排", "the roster for the coming holiday")]
    [InlineData("关于做好春节长假值班工作的通知", "a notice about the coming holiday's duty")]
    [InlineData("重庆公司中秋长假值班表", "a duty table")]
    [InlineData("长假值班总结模板", "the template of the summary")]
    [InlineData("重庆公司工程管理部例会纪要（2026年11月23日）", "another department's meeting minutes")]
    [InlineData("客户关系部例会通知（附上期会议纪要）", "the meeting's notice, with the last minutes attached")]
    [InlineData("物业工程部保修周报", "another department's weekly report")]
    [InlineData("营销管理部客户关系维护月报", "another department's monthly report")]
    [InlineData("关于规范呼叫中心信息日报报送的通知", "a notice about the report")]
    [InlineData("锦江苑客户赔偿申请（1-2-301）", "one customer's compensation request")]
    [InlineData("天元府项目工程进度计划", "a construction schedule")]
    public void Classify_ADocumentThatSharesAReportsWords_IsNoReport(string subject, string because)
    {
        ReportOf(subject).Should().BeNull(because);
    }

    [Theory]
    [InlineData("南京公司国庆长假值班总结（含节后工作安排）", "holiday-duty-summary", "an excluded word in brackets annotates the report")]
    [InlineData("【通知】呼叫中心信息日报（2026-11-23）", null, "a tag in square brackets says what the document is")]
    [InlineData("湘江湾三期工地开放前风险检查报告（含工地开放方案调整）", "site-open-risk-check", "the longest group still wins")]
    [InlineData("成都公司客户关系部国庆长假值班总结", "holiday-duty-summary", "the summary itself")]
    public void Classify_WordsInBracketsAndTags_AreReadAsTheyAnnotate(string subject, string? report, string because)
    {
        ReportOf(subject).Should().Be(report, because);
    }

    [Theory]
    [InlineData("Call Center Daily Report 2026-11-19", "callcenter-daily", "the English name, in any case")]
    [InlineData("Daily report of the call center, 19 Nov", "callcenter-daily", "its words in any order")]
    [InlineData("FW: Site-open daily report (Nov 21)", "site-open-daily", "hyphens separate words")]
    [InlineData("Home Warranty Weekly Report 2026-W47", "warranty-weekly", "each report its own name")]
    [InlineData("Call center daily reporting guide", null, "whole words only: reporting is not report")]
    [InlineData("Call center weekly report", "callcenter-weekly", "weekly, not daily")]
    public void Classify_AnEnglishSubject_MatchesTheReportsEnglishName(string subject, string? report, string because)
    {
        ReportOf(subject).Should().Be(report, because);
    }

    [Fact]
    public void Classify_EveryReportsOwnName_IsThatReport()
    {
        foreach (var report in TestRegime.Regime.Catalog.Reports)
        {
            ReportOf($"示例公司{report.Name.Zh}").Should().Be(report.Id, "a report's own name is never excluded");
            ReportOf($"{report.Name.En} (sample)").Should().Be(report.Id, "nor is its English name");
        }
    }

    [Theory]
    [InlineData("成都公司呼叫中心信息日报（11月23日）")]
    [InlineData("Call Center Daily Report 2026-11-19")]
    public void Score_ScoredOnce_ClassifiesAmongWhicheverReportsAreAdmitted(string subject)
    {
        var scores = Classifier.Score(SubjectNormalizer.Normalize(subject).Text);
        var named = scores.Among(_ => true).Report!;

        scores.Among(r => r == named).Report.Should().Be(named);
        scores.Among(r => r != named).Candidates.Should().NotContain(named, "a report not admitted is no candidate");
        scores.Among(_ => false).Candidates.Should().BeEmpty();
    }

    [Theory]
    [InlineData("CALL CENTER DAILY REPORT", "call center daily report", true)]
    [InlineData("成都公司呼叫中心信息日报", "信息日报", true)]
    [InlineData("2026-11-23 日报", "11-23", true)]
    [InlineData("Dailyreport", "daily", false)]
    public void SubjectWords_FindCaselessWordsExactly_AndLatinOnesIgnoringCaseAsWholeWords(string text, string word, bool found)
    {
        SubjectWords.Contains(text, word).Should().Be(found);
    }
}
