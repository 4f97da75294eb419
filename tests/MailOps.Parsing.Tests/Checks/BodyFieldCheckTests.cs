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

    [Theory]
    [InlineData("各位领导：\r\n来电总量\t1,100\r\n投诉量\t8\r\n", "label and value separated by a tab, as pasted from Excel")]
    [InlineData("来电总量：\t1,100\r\n\t\r\n投诉量\t8\t\t\r\n", "a colon after the label, an empty row, empty cells after the value")]
    [InlineData("来电总量  1,100\r\n投诉量 8\r\n", "separated by spaces")]
    [InlineData("来电总量　１，１００\r\n投诉量（件）　８\r\n", "a full-width space, full-width digits and a bracketed unit")]
    [InlineData("来电总量：1,100\r\n投诉量: 8\r\n", "label：value, as before")]
    [InlineData("呼叫中心信息日报（11月23日）\r\n来电总量\t投诉量\t报修量\r\n1,100\t8\t30\r\n", "a text table whose first line holds the labels")]
    [InlineData("来电总量 投诉量 报修量\r\n1,100 8 30\r\n如有疑问 请联系\r\n", "the same with spaces; a line of another shape is no row of it")]
    public void Check_PlainTextLinesAndTables_AreReadAsTheHtmlIs(string text, string because)
    {
        Check(null, text).Should().BeEmpty(because);
    }

    [Theory]
    [InlineData("来电总量\t1,100\r\n投诉量\t\r\n", "an empty cell after a tab")]
    [InlineData("来电总量 1,100\r\n投诉量 /\r\n", "a slash after spaces")]
    [InlineData("来电总量\t投诉量\r\n1,100\t\r\n", "an empty cell under its label")]
    [InlineData("来电总量\t投诉量\r\n1,100\r\n", "a values row cut short")]
    [InlineData("来电总量 投诉量\r\n1,100 -\r\n", "a dash under its label in a table of spaces")]
    public void Check_ABlankValueInPlainText_IsBlank(string text, string because)
    {
        Check(null, text).Should().Equal(["\"投诉量\" is blank"], because);
    }

    [Fact]
    public void Check_ALabelInsideASentence_IsNotAField()
    {
        Check(null, "今日来电总量较多，投诉量与昨日持平。\r\n").Should().Equal("the body has no \"来电总量\"", "the body has no \"投诉量\"");
    }

    [Fact]
    public void Check_AValueWithAColonAfterSpaces_IsTheWholeValue()
    {
        BodyFieldCheck.Check(["活动时间"], Body(null, "活动时间 15:00-18:00\r\n"), ParsingOptions.Default).Should().BeEmpty();
    }

    [Fact]
    public void Check_ALabelFoundNowhere_IsMissing()
    {
        var findings = BodyFieldCheck.Check(Fields, Body("<p>详见附件。</p>"), ParsingOptions.Default).ToList();

        findings.Should().HaveCount(2).And.OnlyContain(f => f.Kind == FindingKind.Incomplete);
        findings[0].Detail.Zh.Should().Be("正文缺少必填项「来电总量」");
    }
}
