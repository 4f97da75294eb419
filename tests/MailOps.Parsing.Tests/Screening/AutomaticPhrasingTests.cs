using MailOps.Parsing.Reading;
using MailOps.Parsing.Screening;

namespace MailOps.Parsing.Tests.Screening;

/// <summary>Out-of-office replies and bounces without the standard headers, by how they are worded; and real reports that merely hold a word.</summary>
public sealed class AutomaticPhrasingTests
{
    public static TheoryData<string, NonMatchReason?> Subjects => new()
    {
        // subject, what it is (null: a real subject, not screened)
        { "自动答复: 呼叫中心信息日报（2026-11-23）", NonMatchReason.AutoReply },
        { "自动回复：重庆物业房屋保修部周报（2026年第47周）", NonMatchReason.AutoReply },
        { "【自动回复】呼叫中心信息日报 2026-11-23", NonMatchReason.AutoReply },
        { "自動回覆：呼叫中心信息日報", NonMatchReason.AutoReply },
        { "Automatic reply: 呼叫中心信息周报（2026年第47周）", NonMatchReason.AutoReply },
        { "Auto: 呼叫中心信息日报", NonMatchReason.AutoReply },
        { "AutoReply: 呼叫中心信息日报", NonMatchReason.AutoReply },
        { "Out of Office AutoReply: 呼叫中心信息日报", NonMatchReason.AutoReply },
        { "[External] Automatic reply: 呼叫中心信息日报", NonMatchReason.AutoReply },
        { "外出，不在办公室", NonMatchReason.AutoReply },
        { "我外出了", NonMatchReason.AutoReply },
        { "本人正在休假中", NonMatchReason.AutoReply },
        { "I am out of the office until Monday", NonMatchReason.AutoReply },
        { "无法送达: 呼叫中心信息日报（2026-11-23）", NonMatchReason.DeliveryReport },
        { "Undeliverable: 呼叫中心信息日报（2026-11-23）", NonMatchReason.DeliveryReport },
        { "未送达", NonMatchReason.DeliveryReport },
        { "退信", NonMatchReason.DeliveryReport },
        { "退信：呼叫中心信息日报", NonMatchReason.DeliveryReport },
        { "系统退信", NonMatchReason.DeliveryReport },
        { "Undelivered Mail Returned to Sender", NonMatchReason.DeliveryReport },
        { "Delivery Status Notification (Failure)", NonMatchReason.DeliveryReport },
        { "Mail delivery failed: returning message to sender", NonMatchReason.DeliveryReport },
        { "呼叫中心信息日报（2026-11-23）", null },
        { "外出安全检查报告（2026年11月）", null },
        { "退信处理情况周报（2026年第47周）", null },
        { "关于自动回复功能的使用说明", null },
        { "交付风险排查：外出施工人员管理", null },
        { "Automation report 2026-11", null },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void OfSubject_Wording_SaysWhatTheMessageIs(string subject, NonMatchReason? expected)
    {
        AutomaticPhrasing.OfSubject(subject).Should().Be(expected, subject);
    }

    [Theory]
    [InlineData("您好，我目前不在办公室，11月30日返回。急事请致电。", NonMatchReason.AutoReply)]
    [InlineData("Thank you for your email. I am out of the office until 30 November.", NonMatchReason.AutoReply)]
    [InlineData("This is an automatically generated Delivery Status Notification.\nDelivery to the following recipients failed.", NonMatchReason.DeliveryReport)]
    [InlineData("Delivery has failed to these recipients or groups:\nchen.xue@callcenter.example.com", NonMatchReason.DeliveryReport)]
    [InlineData("已发送，请查收。", null)]
    [InlineData("收到，谢谢。", null)]
    public void OfBody_Wording_SaysWhatTheMessageIs(string text, NonMatchReason? expected)
    {
        AutomaticPhrasing.OfBody(Body(text)).Should().Be(expected, text);
    }

    [Fact]
    public void OfBody_AnHtmlOnlyOutOfOffice_IsReadFromItsText()
    {
        var html = "<html><head><style>p {margin:0}</style></head><body><p>您好：</p><p>我目前不在办公室，期间邮件回复可能延迟。</p></body></html>";

        AutomaticPhrasing.OfBody(Body(null) with { HtmlBody = html }).Should().Be(NonMatchReason.AutoReply);
    }

    private static ReadMessage Body(string? text) => new()
    {
        MessageId = "<m@x>", Subject = null, From = null, Sender = null, ReplyTo = null, To = [], Cc = [], Date = null, Received = null,
        ReceivedFrom = null, TextBody = text, HtmlBody = null, Attachments = [],
    };
}
