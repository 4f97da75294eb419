using MailOps.Parsing.Checks;

namespace MailOps.Parsing.Tests.Checks;

public sealed class TextTablesTests
{
    private static string[][] Shapes(string text) =>
        [.. TextTables.Of(text).Select(table => table.Select(row => string.Join("|", row)).ToArray())];

    [Fact]
    public void Of_TabColonAndSpaceLines_SplitIntoCells()
    {
        Shapes("来电总量\t1,100\t\r\n投诉量：８\r\n活动时间　15:00-18:00\r\n")
            .Should().BeEquivalentTo(new[] { new[] { "来电总量|1,100|" }, ["投诉量|8"], ["活动时间|15:00-18:00"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Of_TabLines_AreOneTable_HoweverManyCellsEachHas()
    {
        Shapes("来电总量\t投诉量\t报修量\n1,100\t8\n").Should().BeEquivalentTo(new[] { new[] { "来电总量|投诉量|报修量", "1,100|8" } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Of_ALineOfOneCellOrOfAnotherShape_EndsATable()
    {
        Shapes("来电总量 投诉量\n1,100 8\n如有疑问 请 联系\n各位领导\n咨询量 82\n")
            .Should().BeEquivalentTo(new[] { new[] { "来电总量|投诉量", "1,100|8" }, ["如有疑问|请|联系"], ["咨询量|82"] }, o => o.WithStrictOrdering());
    }
}
