using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Checks;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Checks;

public sealed class BodyFieldCheckTests
{
    private static readonly string[] Fields = ["来电总量", "投诉量"];

    private static ReadMessage Body(string? html, string? text = null) => ReadMessages.With(html, text);

    private static IEnumerable<string> Check(string? html, string? text = null) =>
        BodyFieldCheck.Check(Fields, Body(html, text), ParsingOptions.Default).Select(f => f.Detail.En);

    [Fact]
    public void Check_LabelsWithValuesToTheirRight_AreFilled()
    {
        Check("<table><tr><td>来电总量：</td><td>120</td></tr><tr><td><b>投诉量（件）</b></td><td>&nbsp;8&nbsp;</td></tr></table>").Should().BeEmpty();
    }

    [Fact]
    public void Check_AColumnHeader_NeedsEveryNonEmptyRowFilled()
    {
        var html = """
            <table>
              <tr><th>项目</th><th>来电总量</th><th>投诉量</th></tr>
              <tr><td>金科天元府</td><td>60</td><td>3</td></tr>
              <tr><td>金科博翠园</td><td>60</td><td>－</td></tr>
              <tr><td></td><td></td><td></td></tr>
            </table>
            """;

        Check(html).Should().Equal("\"投诉量\" is blank (table row 3)");
    }

    [Fact]
    public void Check_ATitleRowAboveTheHeaderRow_IsNotTakenForTheHeader()
    {
        var html = """
            <table>
              <tr><td colspan=3>呼叫中心信息日报（11月23日）</td></tr>
              <tr><td>项目</td><td>来电总量</td><td>投诉量</td></tr>
              <tr><td>合计</td><td>120</td><td></td></tr>
            </table>
            """;

        Check(html).Should().Equal("\"投诉量\" is blank (table row 3)");
    }

    [Fact]
    public void Check_AColspanLabel_ReadsTheCellAfterIt()
    {
        Check("<table><tr><td colspan=2>来电总量</td><td>120</td></tr><tr><td colspan=2>投诉量</td><td>/</td></tr></table>")
            .Should().Equal("\"投诉量\" is blank (table row 2)");
    }

    [Fact]
    public void Check_TraditionalAndFullWidthLabels_MatchTheCatalogs()
    {
        Check("<table><tr><td>來電總量</td><td>１２０</td></tr><tr><td>投訴量：</td><td>８</td></tr></table>").Should().BeEmpty();
    }

    [Fact]
    public void Check_LabelValueLinesOfPlainText_Count()
    {
        Check(null, "各位领导：\r\n来电总量：120\r\n投诉量: -\r\n").Should().Equal("\"投诉量\" is blank");
    }

    [Fact]
    public void Check_ALabelFoundNowhere_IsMissing()
    {
        var findings = BodyFieldCheck.Check(Fields, Body("<p>详见附件。</p>"), ParsingOptions.Default).ToList();

        findings.Should().HaveCount(2).And.OnlyContain(f => f.Kind == FindingKind.Incomplete);
        findings[0].Detail.Zh.Should().Be("正文缺少必填项「来电总量」");
    }
}
