using System.Text;
using MailOps.Parsing.Reading;

namespace MailOps.Parsing.Tests.Reading;

public sealed class CharsetsTests
{
    [Fact]
    public void Register_MakesTheChineseCodePagesAvailable()
    {
        Charsets.Register();

        Encoding.GetEncoding("gb2312").GetString([0xC8, 0xD5, 0xB1, 0xA8]).Should().Be("日报");
        Encoding.GetEncoding(936).GetString([0xC8, 0xD5, 0xB1, 0xA8]).Should().Be("日报");
        Encoding.GetEncoding("big5").GetString([0xA4, 0xE9, 0xB3, 0xF8]).Should().Be("日報");
        Encoding.GetEncoding(54936).GetString([0xC8, 0xD5]).Should().Be("日");
    }

    [Fact]
    public void RememberedCodePages_AnswersForEveryCodePageAsTheCodePagesProviderDoes()
    {
        var differing = Enumerable.Range(0, ushort.MaxValue + 1)
            .Where(page => RememberedCodePages.Instance.GetEncoding(page)?.CodePage != CodePagesEncodingProvider.Instance.GetEncoding(page)?.CodePage)
            .ToList();

        differing.Should().BeEmpty();
        RememberedCodePages.Instance.GetEncoding(65001).Should().BeNull("UTF-8 is the framework's own");
        RememberedCodePages.Instance.GetEncoding(-1).Should().BeNull();
        RememberedCodePages.Instance.GetEncoding(int.MaxValue).Should().BeNull();
    }

    [Fact]
    public void RememberedCodePages_GivesTheSameEncodingEachTime()
    {
        RememberedCodePages.Instance.GetEncoding(936).Should().BeSameAs(RememberedCodePages.Instance.GetEncoding(936));
        RememberedCodePages.Instance.GetEncoding("gbk")!.CodePage.Should().Be(936);
        RememberedCodePages.Instance.GetEncodings().Should().Contain(e => e.CodePage == 950);
    }
}
