using MailOps.Parsing.Reading;

namespace MailOps.Parsing.Tests.Reading;

/// <summary>A reply's own text, without the message it quotes.</summary>
public sealed class OwnTextTests
{
    [Theory]
    [InlineData("收到，谢谢。\r\n\r\n________________________________\r\n发件人: 陈雪\r\n来电总量：120\r\n", "Outlook's rule")]
    [InlineData("收到。\n\n发件人: 陈雪 <chen.xue@callcenter.example.com>\n发送时间: 2026年11月23日 20:40\n主题: 日报\n\n来电总量：120\n", "Outlook's 发件人 block")]
    [InlineData("Thanks.\n\nFrom: Chen Xue\nSent: Monday, 23 November 2026 20:40\n来电总量：120\n", "Outlook's English From block")]
    [InlineData("收到。\n-----原始邮件-----\n来电总量：120\n", "-----原始邮件-----")]
    [InlineData("Thanks.\nOn Mon, 23 Nov 2026 at 20:40, Chen Xue wrote:\n> 来电总量：120\n", "On … wrote:")]
    [InlineData("收到。\n> 来电总量：120\n", "> lines")]
    public void Of_AReplyQuotingTheReport_KeepsOnlyWhatTheSenderWrote(string text, string because)
    {
        var own = OwnText.Of(Message(text, null));

        own.TextBody.Should().NotContain("来电总量", because).And.NotBeEmpty(because);
    }

    [Fact]
    public void Of_OutlooksHtmlQuote_IsCutAtItsHeaderBlock()
    {
        const string html = """
            <html><body><p>收到，谢谢。</p>
            <div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>发件人:</b> 陈雪</p></div>
            <table><tr><td>来电总量</td><td>120</td></tr></table></body></html>
            """;

        var own = OwnText.Of(Message(null, html));

        own.HtmlBody.Should().Contain("收到").And.NotContain("来电总量").And.NotContain("border-top");
    }

    [Fact]
    public void Of_AMessageWithoutAQuote_IsWhole()
    {
        const string text = "各位领导：\n来电总量：120\n投诉量：8\n";

        OwnText.Of(Message(text, null)).TextBody.Should().Be(text);
    }

    private static ReadMessage Message(string? text, string? html) => new()
    {
        MessageId = "<m@x>", Subject = null, From = null, Sender = null, ReplyTo = null, To = [], Cc = [], Date = null, Received = null,
        ReceivedFrom = null, TextBody = text, HtmlBody = html, Attachments = [],
    };
}
