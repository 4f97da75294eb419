using MailOps.Parsing;
using MailOps.Parsing.Threading;
using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;
using MimeKit;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>The MIME of a mail MailOps sends.</summary>
public sealed class MailComposerTests
{
    private const string Mailbox = "reports@hq.example.com";
    private const string Owner = "chen.xue@callcenter.example.com";
    private const string ObligationKey = "callcenter-daily/callcenter/2026-11-23";
    private const string Key = "nudge/" + ObligationKey + "/chen.xue@callcenter.example.com";
    private static readonly MailboxAddress From = new("MailOps 报送助手", Mailbox);

    private static readonly DateTimeOffset Date = new(2026, 11, 23, 18, 36, 0, TimeSpan.FromHours(8));

    // Written like the report it nudges for, so only the generated-mail header tells it apart.
    private static readonly RenderedMail Nudge = new(
        "【报送提醒】集团呼叫中心：呼叫中心信息日报 2026-11-23",
        "<p>来电总量：120</p>",
        "呼叫中心信息日报 2026-11-23\n来电总量：120\n投诉量：8\n报修量：30\n咨询量：82\n");

    private static byte[] Raw(string key = Key, RenderedMail? mail = null, DateTimeOffset? date = null, string obligationKey = ObligationKey) =>
        MailComposer.Compose(From, Owner, mail ?? Nudge, new MailIdentity("nudge", key, obligationKey), date ?? Date);

    private static MimeMessage Compose(string key = Key, RenderedMail? mail = null, DateTimeOffset? date = null) =>
        MimeMessage.Load(new MemoryStream(Raw(key, mail, date)));

    [Fact]
    public void Compose_AddressesTheMailFromTheMailboxToTheRecipient()
    {
        var message = Compose();

        message.From.Mailboxes.Should().ContainSingle().Which.Should().Match<MailboxAddress>(m => m.Address == Mailbox && m.Name == "MailOps 报送助手");
        message.To.Mailboxes.Should().ContainSingle().Which.Address.Should().Be(Owner);
        message.Cc.Count.Should().Be(0);
        message.Subject.Should().Be(Nudge.Subject);
        message.Date.Should().Be(Date);
    }

    [Fact]
    public void Compose_IsMultipartAlternativeWithTheTextAndTheHtml()
    {
        var message = Compose();

        message.Body.Should().BeOfType<MultipartAlternative>().Which.Should().HaveCount(2);
        message.TextBody.Should().Contain("来电总量：120");
        message.HtmlBody.Should().Be(Nudge.Html);
    }

    [Fact]
    public void Compose_MarksTheMailAsGeneratedByMailOpsUnderItsKey()
    {
        var message = Compose();

        message.Headers[ParsingOptions.OwnMailHeader].Should().Be("nudge");
        message.Headers[MailComposer.KeyHeader].Should().Be(Key);
    }

    [Fact]
    public void Compose_MarksTheMailAsAutomaticSoThatOutOfOfficeRepliesDoNotComeBack()
    {
        var message = Compose();

        message.Headers["Auto-Submitted"].Should().Be("auto-generated");
        message.Headers["X-Auto-Response-Suppress"].Should().Be("All");
    }

    [Fact]
    public void Compose_ANotice_HasAMessageIdNamingItsObligation()
    {
        var message = Compose();

        message.MessageId.Should().StartWith("mailops.nudge.").And.EndWith("@hq.example.com");
        OwnMessageId.Read(message.MessageId).Should().Be(new OwnMessage("nudge", ObligationKey));
    }

    [Fact]
    public void Compose_AnEventObligationWhosePeriodHoldsAnAt_KeepsTheIdOneAddress()
    {
        const string eventKey = "site-open-daily/cs-crm/cs-2026-11-site-open@2026-11-22";
        var message = MimeMessage.Load(new MemoryStream(Raw(key: $"nudge/{eventKey}/li.na@cs.example.com", obligationKey: eventKey)));

        message.MessageId!.Count(c => c == '@').Should().Be(1);
        OwnMessageId.Read(message.MessageId)!.ObligationKey.Should().Be(eventKey);
    }

    [Fact]
    public void Parse_AComposedMailLandingInTheInbox_IsOwnMailNotAReport()
    {
        var raw = Raw();

        var outcome = ShippedRegime.Parser.Parse(raw, Date);

        outcome.Matched.Should().BeFalse();
        outcome.Reason.Should().Be(NonMatchReason.OwnMail);
    }

    [Fact]
    public void Parse_AReplyToAComposedNotice_IsAReplyToThatObligationsNotice()
    {
        var notice = Compose();
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("陈雪", Owner));
        reply.To.Add(From);
        reply.Subject = "RE: " + Nudge.Subject;
        reply.Date = Date.AddMinutes(20);
        reply.InReplyTo = notice.MessageId;
        reply.References.Add(notice.MessageId!);
        reply.Body = new TextPart("plain") { Text = "已发送" };
        using var stream = new MemoryStream();
        reply.WriteTo(stream);

        var outcome = ShippedRegime.Parser.Parse(stream.ToArray(), Date.AddMinutes(20));

        outcome.Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.ReplyToNotice
            && o.ReportId == "callcenter-daily" && o.UnitId == "callcenter" && o.PeriodId == "2026-11-23");
        outcome.Submission.Should().BeNull();
    }

    [Fact]
    public void Compose_TheSameKeyAgain_GivesTheSameMessageId()
    {
        var first = Compose();
        var resent = Compose(mail: Nudge with { Html = "<p>again</p>" }, date: Date.AddMinutes(5));

        resent.MessageId.Should().Be(first.MessageId).And.EndWith("@hq.example.com");
    }

    [Fact]
    public void Compose_AnotherKey_GivesAnotherMessageId()
    {
        var other = Compose(key: "nudge/callcenter-daily/callcenter/2026-11-23/li.mengmeng@callcenter.example.com");

        other.MessageId.Should().NotBe(Compose().MessageId);
    }
}
