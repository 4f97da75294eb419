using MailOps.Parsing.Checks;
using MailOps.Parsing.Tests.Support;
using MimeKit;
using Xunit.Abstractions;

namespace MailOps.Parsing.Tests.Checks;

public sealed class HtmlTablesTests(ITestOutputHelper output)
{
    private static string[][][] Read(string html) => [.. HtmlTables.Of(html)];

    [Fact]
    public void Of_ATable_IsItsRowsOfFoldedCellTexts()
    {
        Read("<table><tr><th>来电总量：</th><td>&nbsp;１２０&nbsp;</td></tr><tr><td><b>投诉</b>量</td><td>8</td></tr></table>")
            .Should().BeEquivalentTo(new[] { new[] { new[] { "来电总量:", "120" }, ["投诉量", "8"] } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Of_ColspansAreRepeatedAndRowspansCarriedDown()
    {
        Read("<table><tr><td rowspan=2>项目</td><td colspan=2>来电</td></tr><tr><td>A</td><td>B</td></tr></table>")
            .Should().BeEquivalentTo(new[] { new[] { new[] { "项目", "来电", "来电" }, ["项目", "A", "B"] } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Of_ANestedTable_IsATableOfItsOwnAfterTheOneHoldingIt_AndItsTextIsInTheOuterCell()
    {
        var tables = Read("<table><tr><td>外<table><tr><td>内</td></tr></table></td><td>右</td></tr></table>");

        tables.Should().HaveCount(2);
        tables[0].Should().BeEquivalentTo(new[] { new[] { "外内", "右" } });
        tables[1].Should().BeEquivalentTo(new[] { new[] { "内" } });
    }

    [Fact]
    public void Of_CellsAndRowsLeftOpen_EndWhereTheNextBegins()
    {
        Read("<table><tr><td>来电总量<td>120<tr><td>投诉量<td>8</table>")
            .Should().BeEquivalentTo(new[] { new[] { new[] { "来电总量", "120" }, ["投诉量", "8"] } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Of_ACellOutsideAnyRow_OpensOne_AndATableNeverClosedEndsWithTheHtml()
    {
        Read("<table><td>来电总量</td><td>120").Should().BeEquivalentTo(new[] { new[] { new[] { "来电总量", "120" } } });
    }

    [Fact]
    public void Of_StyleAndScriptInsideACell_AreNotItsText()
    {
        Read("<table><tr><td><style>td{color:red}</style>来电总量<script>var a='<td>';</script></td></tr></table>")
            .Should().BeEquivalentTo(new[] { new[] { new[] { "来电总量" } } });
    }

    [Fact]
    public void Of_ATableWithoutRows_IsNoTable_AndStrayEndTagsChangeNothing()
    {
        Read("</td></tr></table><table></table><p>text</p>").Should().BeEmpty();
    }

    [Fact]
    public void Of_TablesNestedDeeperThanAnyReport_CannotBeRead()
    {
        var html = string.Concat(Enumerable.Repeat("<table><tr><td>", HtmlTables.MaxNesting + 1));

        var read = () => HtmlTables.Of(html);

        read.Should().Throw<UnreadableHtmlException>().WithMessage($"*more than {HtmlTables.MaxNesting} tables deep*");
    }

    [Fact]
    public void Of_ACellLongerThanItKeeps_IsCut_YetBlankExactlyWhenTheWholeIsBlank()
    {
        var pad = new string(' ', HtmlTables.MaxCellChars);

        Read($"<table><tr><td>-{pad}8</td><td>-{pad}   </td></tr></table>")[0][0]
            .Select(cell => Blank.Is(cell)).Should().Equal(false, true);
    }

    [Fact]
    public void Of_WhiteSpaceBeforeACellsText_DoesNotCountAgainstWhatItKeeps()
    {
        var spaces = string.Concat(Enumerable.Repeat("&nbsp;", HtmlTables.MaxCellChars));

        Read($"<table><tr><td>来电总量</td><td>{spaces}-</td></tr></table>")[0][0].Should().Equal("来电总量", "-");
    }

    [Fact]
    public void Of_TablesNestedInEachOthersCells_CannotMakeAFewHundredKilobytesCostGigabytes()
    {
        // Each block nests 200 tables around 10,000 characters, which every one of its 200 cells holds again.
        var block = string.Concat(Enumerable.Repeat("<table><tr><td>", 200)) + new string('字', 10_000) + string.Concat(Enumerable.Repeat("</td></tr></table>", 200));

        var read = () => HtmlTables.Of(string.Concat(Enumerable.Repeat(block, 10)));

        read.Should().Throw<UnreadableHtmlException>().WithMessage("*more than 8,000,000 characters of text*");
    }

    [Fact]
    public void Of_SpansThatPushEveryLaterCellRight_CannotMakeAFewKilobytesCostGigabytes()
    {
        // Each cell spans 50 columns and 500 rows: the cells carried down push each new one further right.
        var read = () => HtmlTables.Of("<table>" + string.Concat(Enumerable.Repeat("<tr><td colspan=50 rowspan=500>x", 3_000)));

        read.Should().Throw<UnreadableHtmlException>().WithMessage("*more than 200,000 cells*");
    }

    [Fact]
    public void Of_AScriptThatSaysItClosesItself_IsStillRawText()
    {
        Read("<table><tr><td><script src=a/>document.write('<td>')</script>x</td></tr></table>")
            .Should().BeEquivalentTo(new[] { new[] { new[] { "x" } } });
    }

    [SkippableFact]
    public void Of_EveryCorpusBody_ReadsAsHtmlAgilityPacksTreeDid()
    {
        var shared = Path.Combine(Files.RepositoryRoot().FullName, "..", "shared", "corpora");
        Skip.IfNot(Directory.Exists(shared), $"../shared/corpora is not beside the clone ({Path.GetFullPath(shared)}); the corpus comparison needs it.");
        var folders = new[] { Files.CorpusFolder, Files.ReliabilityFolder, shared };
        var compared = 0;
        foreach (var file in folders.SelectMany(f => Directory.GetFiles(f, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            if (Html(file) is not { } html || html.IndexOf("<table", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            var tree = TreeTables.Of(html);
            var read = HtmlTables.Of(html);
            AsTheCheckSeesIt(read, tree).Should().BeEquivalentTo(tree, o => o.WithStrictOrdering(), file);
            compared++;
        }

        compared.Should().BeGreaterThan(80);
        output.WriteLine($"{compared} bodies with tables read alike");
    }

    // A cell cut at what a cell keeps (folded, so its ellipsis reads "...") counts as the whole when the whole begins
    // with what was kept and is not blank: no label and no blank can tell them apart.
    private static List<string[][]> AsTheCheckSeesIt(List<string[][]> read, List<string[][]> tree) =>
        [.. read.Select((grid, t) => grid.Select((row, r) => row.Select((cell, c) =>
            t < tree.Count && r < tree[t].Length && c < tree[t][r].Length && Cut(cell, tree[t][r][c]) ? tree[t][r][c] : cell).ToArray()).ToArray())];

    private static bool Cut(string kept, string whole) =>
        kept.EndsWith("...", StringComparison.Ordinal) && !Blank.Is(whole) && whole.StartsWith(kept[..^3].TrimEnd(), StringComparison.Ordinal);

    private static string? Html(string file)
    {
        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllText(file);
        }

        try
        {
            using var message = MimeMessage.Load(file);
            return message.HtmlBody;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
