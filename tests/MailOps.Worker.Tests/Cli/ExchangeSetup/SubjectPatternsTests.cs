using System.Text.RegularExpressions;
using MailOps.Worker.Cli.ExchangeSetup;

namespace MailOps.Worker.Tests.Cli.ExchangeSetup;

public sealed class SubjectPatternsTests
{
    [Theory]
    [InlineData("日报", "日[报報]")]
    [InlineData("呼叫中心", "呼叫中心")]
    [InlineData("日報", "日[报報]")]
    [InlineData("Daily Report", "[Dd][aA][iI][lL][yY]\\s+[Rr][eE][pP][oO][rR][tT]")]
    public void Group_OfOneWord_MatchesEachFormTheParserFoldsToIt(string keyword, string expected)
    {
        SubjectPatterns.Group([keyword]).Should().Be(expected);
    }

    [Fact]
    public void Group_OfTwoWords_HoldsBothInEitherOrder()
    {
        SubjectPatterns.Group(["呼叫中心", "日报"]).Should().Be("(呼叫中心.*日[报報]|日[报報].*呼叫中心)");
    }

    [Theory]
    [InlineData("日报", "报表")]
    [InlineData("交付", "集中交付")]
    public void Group_WordsThatCanShareCharacters_StandsByItsLongestWord(string first, string second)
    {
        // 日报表 holds both 日报 and 报表, and the parser reads it so; no order of the two finds them apart.
        SubjectPatterns.Group([first, second]).Should().Be(SubjectPatterns.Of(new[] { first, second }.MaxBy(w => w.Length)!));
    }

    [Fact]
    public void Group_OfMoreWords_HoldsItsTwoLongestInEitherOrder()
    {
        var pattern = new Regex(SubjectPatterns.Group(["Call", "center", "weekly", "report"]));

        pattern.ToString().Should().Be(SubjectPatterns.Group(["center", "weekly"]));
        pattern.IsMatch("Call Center Weekly Report 2026-W47").Should().BeTrue();
        pattern.IsMatch("weekly report of the call center").Should().BeTrue();
        pattern.IsMatch("Call center monthly report").Should().BeFalse();
    }

    [Fact]
    public void For_TheSameGroupTwice_IsOnePattern()
    {
        SubjectPatterns.For([["纪要"], ["纪要"], ["保修", "周报"]]).Should().Equal("[纪紀]要", "(保[修脩].*[周週][报報]|[周週][报報].*保[修脩])");
    }

    [Theory]
    [InlineData("华东物业房屋保修部週報（第47周）", true)]
    [InlineData("週報：房屋保修（第47周）", true)]
    [InlineData("周末值班安排", false)]
    [InlineData("保修工单照片", false)]
    public void Pattern_Subject_MatchesWhenItHoldsTheWholeGroup(string subject, bool matches)
    {
        new Regex(SubjectPatterns.Group(["保修", "周报"])).IsMatch(subject).Should().Be(matches);
    }
}
