using System.Text.RegularExpressions;
using MailOps.Worker.Cli.ExchangeSetup;

namespace MailOps.Worker.Tests.Cli.ExchangeSetup;

public sealed class SubjectPatternsTests
{
    [Theory]
    [InlineData("日报", "日[报報]")]
    [InlineData("呼叫中心", "呼叫中心")]
    [InlineData("日報", "日[报報]")]
    [InlineData("Daily Report", "[DdＤｄ][aAａＡ][iIｉＩ][lLｌＬ][yYｙＹ]\\s+[RrＲｒ][eEｅＥ][pPｐＰ][oOｏＯ][rRｒＲ][tTｔＴ]")]
    public void Of_Keyword_MatchesEachFormTheParserFoldsToIt(string keyword, string expected)
    {
        SubjectPatterns.For([keyword]).Should().Equal(expected);
    }

    [Fact]
    public void For_KeywordHoldingAnother_IsLeftOutAsTheShorterOneAlreadyCopiesIt()
    {
        SubjectPatterns.For(["纪要", "会议纪要", "交付方案", "方案"]).Should().Equal("[纪紀]要", "方案");
    }

    [Theory]
    [InlineData("[周週][报報]", "华东物业保修週報（第47周）", true)]
    [InlineData("[周週][报報]", "周末值班安排", false)]
    [InlineData("[DdＤｄ][aAａＡ][iIｉＩ][lLｌＬ][yYｙＹ]", "Call Center DAILY report", true)]
    public void Pattern_Subject_MatchesAnywhereInIt(string pattern, string subject, bool matches)
    {
        new Regex(pattern).IsMatch(subject).Should().Be(matches);
    }
}
