using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Tests.Support;
using MimeKit;

namespace MailOps.Parsing.Tests;

public sealed class MessageParserTests
{
    [Theory]
    [InlineData("呼叫中心信息日报 2026-11-23", "someone@elsewhere.example.org", true, "the subject names a report of the catalog")]
    [InlineData("物业服务品质月报（2026年11月）", "consultant@quality.example.org", true, "月报 reads like a report: parsed, so it reaches triage")]
    [InlineData("關於交付風險的報告", "someone@elsewhere.example.org", true, "traditional characters read as simplified: 报告")]
    [InlineData("会议纪要：11月例会", "someone@elsewhere.example.org", true, "纪要 reads like a report")]
    [InlineData("Re: lunch on Friday?", "chen.xue@callcenter.example.com", true, "the sender submits for a unit")]
    [InlineData("年终聚餐通知", "admin@hq.example.com", false, "ordinary mail from outside the units costs no fetch")]
    [InlineData(null, null, false, "no metadata at all")]
    public void CouldBeReport_FetchesOnlyWhatMightBeAReport(string? subject, string? from, bool expected, string because)
    {
        TestRegime.Parser.CouldBeReport(subject, from).Should().Be(expected, because);
    }

    [Fact]
    public void Parse_ACompleteDailyReport_IsASubmissionOfTheDayItNames()
    {
        var outcome = Mail.Parse(Mail.DailyReport());

        outcome.Should().Match<ParseOutcome>(o => o.Matched && o.ReportId == "callcenter-daily" && o.UnitId == "callcenter" && o.PeriodId == "2026-11-23");
        outcome.Findings.Should().BeEmpty();
        outcome.Submission!.Received.Should().Be(new DateTimeOffset(2026, 11, 23, 20, 40, 12, TimeSpan.FromHours(8)));
        outcome.Submission.Sender.Should().Be(Mail.Duty);
    }

    [Fact]
    public void Parse_AnEnglishSubject_IsTheReportItsEnglishNameNames()
    {
        var outcome = Mail.Parse(Mail.DailyReport("Call Center Daily Report 2026-11-19"));

        outcome.Should().Match<ParseOutcome>(o => o.Matched && o.ReportId == "callcenter-daily" && o.PeriodId == "2026-11-19");
    }

    [Fact]
    public void Parse_WithoutADateInTheSubject_InfersTheDayFromTheReceivedInstant()
    {
        var outcome = Mail.Parse(Mail.DailyReport("呼叫中心信息日报"));

        outcome.PeriodId.Should().Be("2026-11-23");
    }

    [Fact]
    public void Parse_AVersionNumberInTheSubject_IsNotTakenForAFarDate()
    {
        Mail.Parse(Mail.DailyReport("呼叫中心信息日报 v2.1")).PeriodId.Should().Be("2026-11-23");
    }

    [Fact]
    public void Parse_TheCallersReceivedInstant_WinsOverTheHeaders()
    {
        var outcome = TestRegime.Parser.Parse(Mail.Bytes(Mail.DailyReport("呼叫中心信息日报")), new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

        outcome.PeriodId.Should().Be("2026-11-24");
        outcome.Message!.ReceivedFrom.Should().Be(MailOps.Parsing.Reading.ReceivedSource.Supplied);
    }

    [Fact]
    public void Parse_AMissingCcRoleAndABlankCell_AreFindingsOfASubmission()
    {
        var message = Mail.DailyReport(html: Mail.Figures("120", "/", "30", "82"));
        message.To.RemoveAt(1);

        var outcome = Mail.Parse(message);

        outcome.Matched.Should().BeTrue();
        outcome.Findings.Select(f => f.Kind).Should().Equal(FindingKind.RecipientsMissing, FindingKind.Incomplete);
        outcome.Findings[0].Detail.Zh.Should().Be("主送缺少：物业管家中心 (property.butler-center)");
        outcome.Findings[1].Detail.En.Should().Be("\"投诉量\" is blank (table row 2)");
    }

    [Fact]
    public void Parse_APlainTextReportPastedFromExcel_HasItsFields()
    {
        var message = Mail.DailyReport();
        message.Body = new TextPart("plain") { Text = "各位领导好，今日呼叫中心信息如下：\r\n\r\n来电总量\t投诉量\t报修量\t咨询量\r\n1,100\t8\t30\t82\r\n\r\n值班员 陈雪\r\n" };

        var outcome = Mail.Parse(message);

        outcome.Matched.Should().BeTrue();
        outcome.Findings.Should().BeEmpty();
    }

    [Fact]
    public void Parse_FromAnUnknownSender_CarriesTheReportAndPeriodForTriage()
    {
        var message = Mail.DailyReport();
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("stranger@example.org"));

        var outcome = Mail.Parse(message);

        outcome.Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.UnknownSender && o.ReportId == "callcenter-daily" && o.PeriodId == "2026-11-23" && o.UnitId == null);
        outcome.ReasonDetail!.En.Should().Be("a Call center daily report for 2026-11-23 from stranger@example.org, who submits for no unit");
    }

    [Theory]
    [InlineData("成都公司客户关系部国庆长假值班安排", "2026-09-28", NonMatchReason.UnknownReport, null, "the roster for the coming holiday is no summary")]
    [InlineData("成都公司客户关系部中秋长假值班总结", "2026-10-08", null, "2026-mid-autumn", "the holiday named, not National Day, which ended since")]
    [InlineData("成都公司客户关系部国庆长假值班总结", "2026-09-28", NonMatchReason.PeriodUnknown, null, "a summary of a holiday not yet begun is for a person to look at")]
    [InlineData("成都公司客户关系部长假值班总结", "2026-10-08", null, "2026-national-day", "no holiday named: the long holiday just over")]
    public void Parse_AHolidayDutySubject_IsReadByTheHolidayItNames(string subject, string day, NonMatchReason? reason, string? period, string because)
    {
        var message = Mail.DailyReport(subject);
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("cao.yu@cd.example.com"));
        var received = DateTimeOffset.ParseExact(day + " 10:30 +08:00", "yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);

        var outcome = TestRegime.Parser.Parse(Mail.Bytes(message), received);

        outcome.Should().Match<ParseOutcome>(o => o.Reason == reason && o.UnitId == "cd-crm" && o.PeriodId == period, because);
    }

    [Theory]
    [InlineData("湘江湾三期工地开放日报（11月15日）", "2026-11-15", "2026-11-15", "a Site-open daily report for 2026-11-15 from stranger@example.org, who submits for no unit")]
    [InlineData("姑苏府一期集中交付快报（2026年12月28日）", "2026-12-28", "2026-12-28", "a Delivery flash report for 2026-12-28 from stranger@example.org, who submits for no unit")]
    [InlineData("南京公司国庆长假值班总结", "2026-10-08", "2026-national-day", "a Long-holiday duty summary for 2026-national-day from stranger@example.org, who submits for no unit")]
    public void Parse_AnEventOrHolidayReportFromAnUnknownSender_KeepsThePeriodItsSubjectNames(string subject, string day, string period, string detail)
    {
        var message = Mail.DailyReport(subject);
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("stranger@example.org"));
        var received = DateTimeOffset.ParseExact(day + " 20:30 +08:00", "yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);

        var outcome = TestRegime.Parser.Parse(Mail.Bytes(message), received);

        outcome.Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.UnknownSender && o.UnitId == null && o.PeriodId == period);
        outcome.ReasonDetail!.En.Should().Be(detail);
    }

    [Fact]
    public void Parse_AnEventReportTheUnitDoesNotOwe_KeepsTheDayItsSubjectNames()
    {
        Mail.Parse(Mail.DailyReport("湘江湾三期工地开放日报（11月15日）"))
            .Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.NotOwed && o.UnitId == "callcenter" && o.ReportId == "site-open-daily" && o.PeriodId == "2026-11-15");
    }

    [Fact]
    public void Parse_AReportTheUnitDoesNotOwe_IsNotOwed()
    {
        var message = Mail.DailyReport();
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("zhang.wei@cq.example.com"));

        Mail.Parse(message).Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.NotOwed && o.ReportId == "callcenter-daily" && o.UnitId == "cq-crm");
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", NonMatchReason.AutoReply)]
    [InlineData("X-MailOps-Generated", "digest", NonMatchReason.OwnMail)]
    public void Parse_AutomaticOrOwnMail_IsNotASubmission(string header, string value, NonMatchReason reason)
    {
        var message = Mail.DailyReport();
        message.Headers.Add(header, value);

        Mail.Parse(message).Should().Match<ParseOutcome>(o => o.Reason == reason && o.ReportId == null && o.Submission == null);
    }

    [Theory]
    [InlineData("X-Auto-Response-Suppress", "All", "a request that no one auto-reply, which Outlook add-ins set on ordinary mail")]
    [InlineData("Auto-Submitted", "auto-generated", "a system-generated report: RFC 3834 tells it from an auto-reply")]
    [InlineData("Auto-Submitted", "auto-notified", "a notification, not a reply")]
    [InlineData("X-Autoreply", "no", "says it is not an auto-reply")]
    [InlineData("X-Autorespond", "false", "says it is not an auto-reply")]
    public void Parse_AReportWithAHeaderThatIsNoAutoReply_IsTheSubmission(string header, string value, string because)
    {
        var message = Mail.DailyReport();
        message.Headers.Add(header, value);

        Mail.Parse(message).Should().Match<ParseOutcome>(o => o.Matched && o.PeriodId == "2026-11-23", because);
    }

    [Fact]
    public void Parse_OwnMailThatAlsoSaysAutoGenerated_IsOwnMail()
    {
        var message = Mail.DailyReport();
        message.Headers.Add("X-MailOps-Generated", "nudge");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        Mail.Parse(message).Reason.Should().Be(NonMatchReason.OwnMail);
    }

    [Theory]
    [InlineData("RE: 呼叫中心信息日报", NonMatchReason.Reply)]
    [InlineData("答复: 呼叫中心信息日报", NonMatchReason.Reply)]
    [InlineData("回覆: 呼叫中心信息日報 2026年11月23日", NonMatchReason.Reply)]
    [InlineData("答覆：呼叫中心信息日報", NonMatchReason.Reply)]
    [InlineData("自动回复: 呼叫中心信息日报", NonMatchReason.AutoReply)]
    [InlineData("自动答复: 呼叫中心信息日报", NonMatchReason.AutoReply)]
    [InlineData("Undeliverable: 呼叫中心信息日报", NonMatchReason.DeliveryReport)]
    public void Parse_ARepliedSubjectCarryingNothing_IsNotASubmission(string subject, NonMatchReason reason)
    {
        Mail.Parse(Mail.DailyReport(subject, html: "<p>收到，谢谢。</p>")).Reason.Should().Be(reason);
    }

    [Theory]
    [InlineData("RE: 呼叫中心信息日报 2026年11月23日")]
    [InlineData("答复: 呼叫中心信息日报 2026年11月23日")]
    public void Parse_AReplyCarryingTheReportsFields_IsReplyWithContentForTriage(string subject)
    {
        var outcome = Mail.Parse(Mail.DailyReport(subject));

        outcome.Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.ReplyWithContent
            && o.ReportId == "callcenter-daily" && o.UnitId == "callcenter" && o.PeriodId == "2026-11-23" && o.Submission == null);
        NonMatchReasons.Disposition(outcome.Reason!.Value).Should().Be(NonMatchDisposition.Triage);
    }

    [Fact]
    public void Parse_AReplyWithAnAttachment_IsReplyWithContent()
    {
        var message = Mail.DailyReport("RE: 呼叫中心信息日报 2026年11月23日");
        var body = new BodyBuilder { HtmlBody = "<p>见附件。</p>" };
        body.Attachments.Add("日报.pdf", [1, 2, 3]);
        message.Body = body.ToMessageBody();

        Mail.Parse(message).Reason.Should().Be(NonMatchReason.ReplyWithContent);
    }

    [Fact]
    public void Parse_AReplyQuotingTheReport_IsAPlainReply()
    {
        var html = "<p>收到，谢谢。</p><div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p>发件人: 陈雪</p></div>" + Mail.Figures("120", "8", "30", "82");

        Mail.Parse(Mail.DailyReport("RE: 呼叫中心信息日报 2026年11月23日", html)).Reason.Should().Be(NonMatchReason.Reply);
    }

    [Theory]
    [InlineData("RE: 呼叫中心信息日报", "<p>您好，我目前不在办公室，11月30日返回。</p>", NonMatchReason.AutoReply)]
    [InlineData("通知", "<p>This is an automatically generated Delivery Status Notification.</p>", NonMatchReason.DeliveryReport)]
    [InlineData("我的邮件", "<p>I am out of the office until Monday.</p>", NonMatchReason.AutoReply)]
    public void Parse_WordingOfTheBodyWhenTheSubjectSaysLittle_Screens(string subject, string html, NonMatchReason expected)
    {
        Mail.Parse(Mail.DailyReport(subject, html)).Reason.Should().Be(expected);
    }

    [Fact]
    public void Parse_WordingOfTheBodyUnderASubjectNamingTheReport_IsNotScreened()
    {
        var html = "<p>我目前不在办公室，由同事代发。</p>" + Mail.Figures("120", "8", "30", "82");

        Mail.Parse(Mail.DailyReport("呼叫中心信息日报 2026年11月23日", html)).Matched.Should().BeTrue();
    }

    private static readonly string Nudge = MailOps.Parsing.Threading.OwnMessageId.Create(
        "nudge", "nudge/callcenter-daily/callcenter/2026-11-23/chen.xue@callcenter.example.com", "callcenter-daily/callcenter/2026-11-23", "hq.example.com");

    [Fact]
    public void Parse_AReplyToANudgeCarryingTheFigures_IsTheNudgesObligationWhateverTheSubjectSays()
    {
        var message = Mail.DailyReport("RE: 提醒");
        message.InReplyTo = Nudge;

        Mail.Parse(message).Should().Match<ParseOutcome>(o => o.Matched && o.ReportId == "callcenter-daily" && o.PeriodId == "2026-11-23" && o.Submission != null);
    }

    [Fact]
    public void Parse_AForwardOfANudgeNamedOnlyInReferences_IsTheSubmission()
    {
        var message = Mail.DailyReport("FW: 【报送提醒】集团呼叫中心：呼叫中心信息日报（2026-11-23）");
        message.References.Add("SH0PR01MB1037@SH0PR01MB1037.apcprd01.prod.exchangelabs.com");
        message.References.Add(Nudge);

        Mail.Parse(message).Should().Match<ParseOutcome>(o => o.Matched && o.PeriodId == "2026-11-23");
    }

    [Fact]
    public void Parse_AReplyToANudgeFromSomeoneWhoDoesNotSubmit_IsReplyWithContentForTriage()
    {
        var message = Mail.DailyReport("RE: 【报送提醒】集团呼叫中心：呼叫中心信息日报（2026-11-23）");
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("zhou.min@hq.example.com"));
        message.InReplyTo = Nudge;

        Mail.Parse(message).Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.ReplyWithContent && o.ReportId == "callcenter-daily" && o.Submission == null);
    }

    [Fact]
    public void Parse_AReplyToANudgeCarryingNothing_IsReplyToNoticeNamingTheObligation()
    {
        var message = Mail.DailyReport("RE: 【报送提醒】集团呼叫中心：呼叫中心信息日报（2026-11-23）", "<p>已发送</p>");
        message.InReplyTo = Nudge;

        var outcome = Mail.Parse(message);

        outcome.Should().Match<ParseOutcome>(o => o.Reason == NonMatchReason.ReplyToNotice && o.UnitId == "callcenter" && o.PeriodId == "2026-11-23" && o.Submission == null);
        outcome.ReasonDetail!.Zh.Should().Contain("呼叫中心信息日报").And.Contain("2026-11-23").And.Contain("报送提醒");
    }

    [Fact]
    public void Parse_AForwardBySubmitter_IsASubmission()
    {
        Mail.Parse(Mail.DailyReport("FW: 呼叫中心信息日报 11月23日")).Should().Match<ParseOutcome>(o => o.Matched && o.PeriodId == "2026-11-23");
    }

    [Fact]
    public void Parse_AnInternalFromFailingDmarc_IsUnauthenticatedButKeepsItsSubmission()
    {
        var message = Mail.DailyReport();
        message.Headers.Insert(0, new Header("Authentication-Results", "spf=fail (sender IP is 203.0.113.77) smtp.mailfrom=callcenter.example.com; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=callcenter.example.com;compauth=fail reason=000"));

        var outcome = Mail.Parse(message);

        outcome.Reason.Should().Be(NonMatchReason.UnauthenticatedSender);
        outcome.Submission.Should().NotBeNull();
        outcome.ReasonDetail!.En.Should().Contain("dmarc=fail").And.Contain("spf=fail");
    }

    [Fact]
    public void Parse_AnInternalFromArrivingAnonymously_IsUnauthenticated()
    {
        var message = Mail.DailyReport();
        message.Headers.Replace("X-MS-Exchange-Organization-AuthAs", "Anonymous");

        Mail.Parse(message).Reason.Should().Be(NonMatchReason.UnauthenticatedSender);
    }

    [Fact]
    public void Parse_AnOutsideFromNamingASubmitterInReplyTo_IsUnauthenticated()
    {
        var message = Mail.DailyReport();
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("evil@attacker.example.net"));
        message.ReplyTo.Add(MailboxAddress.Parse(Mail.Duty));

        var outcome = Mail.Parse(message);

        outcome.Reason.Should().Be(NonMatchReason.UnauthenticatedSender);
        outcome.ReasonDetail!.En.Should().Contain("appears only in Sender or Reply-To");
    }

    [Fact]
    public void Parse_AnAssistantSendingOnBehalfOfTheSubmitterInternally_IsASubmission()
    {
        var message = Mail.DailyReport();
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse("assistant@callcenter.example.com"));
        message.Sender = MailboxAddress.Parse(Mail.Duty);

        Mail.Parse(message).Matched.Should().BeTrue();
    }

    [Fact]
    public void Parse_ALowerForgedAuthenticationResults_IsIgnored()
    {
        var message = Mail.DailyReport();
        message.Headers.Insert(0, new Header("Authentication-Results", "spf=pass (sender IP is 40.107.94.12) smtp.mailfrom=callcenter.example.com; dkim=pass (signature was verified) header.d=callcenter.example.com;dmarc=pass action=none header.from=callcenter.example.com;compauth=pass reason=100"));
        message.Headers.Add("Authentication-Results", "evil.example.org; dmarc=fail");

        Mail.Parse(message).Matched.Should().BeTrue();
    }

    [Fact]
    public void Parse_Garbage_IsAnExplainedNonMatch()
    {
        TestRegime.Parser.Parse([0xFF, 0x00, 0x13, 0x37]).Reason.Should().NotBeNull();
        TestRegime.Parser.Parse([]).Reason.Should().NotBeNull();
    }

    [Fact]
    public void Parse_OverTheSizeLimit_IsTooLarge()
    {
        var parser = new MessageParser(TestRegime.Regime, new ParsingOptions { MaxMessageBytes = 100 });

        parser.Parse(Mail.Bytes(Mail.DailyReport())).Reason.Should().Be(NonMatchReason.TooLarge);
    }

    [Fact]
    public void Parse_TooManyParts_IsRefusedWithoutReadingThem()
    {
        var message = Mail.DailyReport();
        var mixed = new Multipart("mixed") { message.Body! };
        for (var i = 0; i < 20; i++)
        {
            mixed.Add(new TextPart("plain") { Text = $"part {i}" });
        }

        message.Body = mixed;
        var parser = new MessageParser(TestRegime.Regime, new ParsingOptions { MaxParts = 10 });

        parser.Parse(Mail.Bytes(message)).Reason.Should().Be(NonMatchReason.TooManyParts);
    }

    [Fact]
    public void Parse_WithoutAnyDate_IsNoDate()
    {
        var message = Mail.DailyReport();
        message.Headers.Remove("Received");
        message.Headers.Remove(HeaderId.Date);

        Mail.Parse(message).Reason.Should().Be(NonMatchReason.NoDate);
    }
}
