using MailOps.Worker.Actions;

namespace MailOps.Worker.Tests.Actions;

/// <summary>The subject of an action is found wherever a mail client leaves it; the mailto link is escaped as RFC 6068 asks; the reason is what the reviewer wrote.</summary>
public sealed class ActionMailTests
{
    [Theory]
    [InlineData("[MailOps] dismiss abc.def", MailActionKind.Dismiss)]
    [InlineData("RE: [MailOps] accept abc.def", MailActionKind.Accept)]
    [InlineData("答复: [mailops] PLACE abc.def", MailActionKind.Place)]
    public void Read_TheActionAndToken_WhereverTheClientLeavesThem(string subject, MailActionKind kind)
    {
        ActionMail.Read(subject).Should().Be(new ActionClaim(kind, "abc.def"));
    }

    [Theory]
    [InlineData("【日报】重庆城市公司交付日报")]
    [InlineData("[MailOps] approve abc.def")]
    [InlineData("MailOps dismiss abc.def")]
    [InlineData(null)]
    public void Read_AnyOtherSubject_IsNoAction(string? subject)
    {
        ActionMail.Read(subject).Should().BeNull();
    }

    [Fact]
    public void Mailto_EscapesSubjectAndBodyAsRfc6068Asks_AndTheSubjectReadsBackAsTheAction()
    {
        var link = ActionMail.Mailto("reports+hq@hq.example.com", MailActionKind.Dismiss, "abc-_.def");

        link.Should().StartWith("mailto:reports%2Bhq@hq.example.com?subject=%5BMailOps%5D%20dismiss%20abc-_.def&body=");
        link.Should().NotContain(" ").And.NotContain("+").And.NotContain("\n").And.Contain("%0D%0A");
        link.Count(c => c == '&').Should().Be(1, "the body's own text is escaped");
        var subject = Uri.UnescapeDataString(link.Split("subject=")[1].Split('&')[0]);
        ActionMail.Read(subject).Should().Be(new ActionClaim(MailActionKind.Dismiss, "abc-_.def"));
        Uri.UnescapeDataString(link.Split("body=")[1]).Should().Contain("请勿修改主题").And.Contain("Do not change the subject");
    }

    [Fact]
    public void Reason_IsTheReviewersLines_WithoutTheInstructionsSignatureOrQuote()
    {
        var body = "请勿修改主题。请在下一行写明原因（可留空，留空则记为“经邮件操作”）：\r\n"
            + "Do not change the subject. Write the reason on the next line (or leave it empty for \"by mail action\"):\r\n\r\n"
            + "重复发送\r\nsent twice\r\n-- \r\nHe Zhiqiang\r\n";

        ActionMail.Reason(body).Should().Be("重复发送 sent twice");
    }

    [Fact]
    public void Reason_OnlyTheInstructions_IsNone()
    {
        var body = "请勿修改主题。请在下一行写明原因（可留空，留空则记为“经邮件操作”）：\r\n\r\n发件人: MailOps\r\n> quoted";

        ActionMail.Reason(body).Should().BeNull();
    }
}
