using MailOps.Parsing.Checks;

namespace MailOps.Parsing.Tests.Checks;

public sealed class HtmlMarkupTests
{
    // Each piece as text ("abc") or tag ("<td>", "</td>", "<br/>").
    private static List<string> Pieces(string html)
    {
        var pieces = new List<string>();
        var markup = new HtmlMarkup(html);
        while (markup.Next(out var piece))
        {
            pieces.Add(piece == HtmlMarkup.Piece.Text
                ? markup.Text.ToString()
                : $"<{(markup.IsEnd ? "/" : "")}{markup.Name.ToString().ToLowerInvariant()}{(markup.SelfClosing ? "/" : "")}>");
        }

        return pieces;
    }

    private static string? AttributeOf(string tag, string name)
    {
        var markup = new HtmlMarkup(tag);
        markup.Next(out _);
        return markup.Attribute(name);
    }

    [Fact]
    public void Next_ReadsTagsAndTheTextBetweenThem_InOrder()
    {
        Pieces("<TABLE><tr><td class=x>来电&nbsp;总量</td></tr></table>")
            .Should().Equal("<table>", "<tr>", "<td>", "来电&nbsp;总量", "</td>", "</tr>", "</table>");
    }

    [Fact]
    public void Next_PassesOverComments_EvenWithTagsInside_AndOutlooksConditionalComments()
    {
        Pieces("a<!-- <td>x</td> -->b<!--[if !mso]><td><![endif]-->c<!---->d<!-->e<![if !supportLists]>f<![endif]>g<!--x--!>h")
            .Should().Equal("a", "b", "c", "d", "e", "f", "g", "h");
    }

    [Fact]
    public void Next_PassesOverDoctypesAndProcessingInstructions()
    {
        Pieces("<!DOCTYPE html><?xml version=\"1.0\"?><o:p>x</o:p>").Should().Equal("<o:p>", "x", "</o:p>");
    }

    [Fact]
    public void Next_ALessThanThatOpensNothing_IsText()
    {
        Pieces("<td>1 < 2 <3 </ >x</td>").Should().Equal("<td>", "1 < 2 <3 ", "x", "</td>");
        Pieces("a<").Should().Equal("a<");
    }

    [Fact]
    public void Next_AGreaterThanInsideAQuotedValue_DoesNotEndTheTag()
    {
        Pieces("<td title=\"a>b\" alt='c>d'>x</td>").Should().Equal("<td>", "x", "</td>");
    }

    [Fact]
    public void Next_ScriptAndStyle_AreRawAndNotText_TitleAndTextareaAreRawText()
    {
        Pieces("<style>td{}</td></style><script>var s='<td>';</script><title>a<td>b</title>x")
            .Should().Equal("<style>", "</style>", "<script>", "</script>", "<title>", "a<td>b", "</title>", "x");
    }

    [Fact]
    public void Next_ATagTheTextEndsInside_IsNoTag()
    {
        Pieces("x<td colspan=\"2").Should().Equal("x");
        Pieces("x<td").Should().Equal("x");
    }

    [Fact]
    public void Next_ASelfClosingTag_SaysSo_AndASlashInsideAValueIsNoneOfIt()
    {
        Pieces("<br/><td /><a b=\"c\"/><a href=/><a / >").Should().Equal("<br/>", "<td/>", "<a/>", "<a>", "<a>");
    }

    [Theory]
    [InlineData("<td colspan=2>", "2")]
    [InlineData("<td COLSPAN = \"3\" >", "3")]
    [InlineData("<td rowspan='2' colspan='4'>", "4")]
    [InlineData("<td colspan=5 colspan=6>", "5")]
    [InlineData("<td nowrap colspan=7>", "7")]
    [InlineData("<td x=\"colspan=8\">", null)]
    [InlineData("<td colspan>", "")]
    [InlineData("<td>", null)]
    [InlineData("<td style=\"a:b\"colspan=9>", "9")]
    public void Attribute_IsTheFirstValueWritten_ReadAsTheStandardReadsIt(string tag, string? value)
    {
        AttributeOf(tag, "colspan").Should().Be(value);
    }
}
