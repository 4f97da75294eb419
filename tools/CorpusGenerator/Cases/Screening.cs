using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;
using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// 100-129: what is screened out before classification (replies, auto-replies, delivery and read reports, MailOps's
/// own mail) and what is not (forwards by a submitter, Auto-Submitted: no).
/// </summary>
internal static class Screening
{
    private const string DailySubject = "呼叫中心信息日报（2026-11-23）";

    // The original headers of the daily report that bounced, as an Exchange NDR quotes them.
    private const string OriginalHeaders =
        "From: =?utf-8?B?6ZmI6Zuq?= <chen.xue@callcenter.example.com>\r\n" +
        "To: =?utf-8?B?6ZuG5Zui5a6i5oi35pyN5Yqh6YOo?= <cs-dl@hq.example.com>,\r\n butler-centre@wy-cq.example.com\r\n" +
        "Subject: =?utf-8?B?5ZG85Y+r5Lit5b+D5L+h5oGv5pel5oql77yIMjAyNi0xMS0yM++8iQ==?=\r\n" +
        "Date: Mon, 23 Nov 2026 20:40:07 +0800\r\n" +
        "Message-ID: <SH0PR01MB1037E39449919B17DD03E3F680A6BE7E034F5DD89147@SH0PR01MB1037.apcprd01.prod.exchangelabs.com>\r\n";

    public static IEnumerable<MailCase> Cases(Numbers n, RegimeData regime)
    {
        var chenXue = P("chen.xue@callcenter.example.com");
        var zhouMin = P("zhou.min@hq.example.com");
        var dutySignature = new Signature("陈雪", "值班员", "集团呼叫中心", "电话：400-822-8000 转 8012");
        var csSignature = new Signature("周敏", "客户服务部主管", "集团客户服务部", "电话：023-6100 2288");

        // Replies.
        yield return n.Case("reply-re", "RE: from the group's customer service, quoting the report: a reply, not a submission")
            .From(zhouMin).Recipients([chenXue], [P("butler-center@wy-cq.example.com")])
            .Subject("RE: " + DailySubject).At(T(2026, 11, 24, 9, 5, 33))
            .Body(() =>
            {
                var body = Bodies.Note(csSignature, "陈雪：", "", "收到，谢谢。请管家中心关注今日报修量偏高的两个项目。");
                body.Quoted = new QuotedMessage("陈雪 <chen.xue@callcenter.example.com>", "2026年11月23日 20:40", "集团客户服务部; 重庆物业管家中心", null,
                    DailySubject, Bodies.Report(regime, "callcenter-daily", "2026年11月23日", dutySignature));
                return body;
            })
            .Screened(Kinds.Reply);

        yield return n.Case("reply-dafu-full-width-colon", "答复： with a full-width colon from a city engineering lead")
            .From(P("chen.gang@cq.example.com")).Recipients([P("yin.hai@wy-cq.example.com")], [P("wang.lei@cq.example.com")])
            .Subject("答复：重庆物业房屋保修部周报（2026年第47周）").At(T(2026, 11, 24, 10, 20, 8))
            .Body(() => Bodies.Note(new Signature("陈刚", "工程负责人", "重庆公司工程管理部", "电话：023-6789 2201"),
                "尹经理：", "", "未完成的15单请于本周五前完成，完成后反馈。"))
            .Screened(Kinds.Reply);

        yield return n.Case("reply-from-submitter", "回复: from the submitter herself, with the minutes attached: a reply that carries the report goes to triage, never counted and never lost")
            .Submit("cq-crm", "crm-meeting-minutes").Intro("2026年11月23日")
            .Subject("回复: 重庆公司客户关系部例会纪要（2026年11月23日）").At(T(2026, 11, 24, 9, 30, 14))
            .NonMatch(Kinds.ReplyWithContent, "crm-meeting-minutes", "cq-crm", "cq-2026-11-23-crm-meeting");

        yield return n.Case("reply-re-fw", "RE: FW: is a reply (only the first prefix decides) carrying the report's fields: to triage, not counted")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月22日")
            .Subject("RE: FW: 呼叫中心信息日报（2026-11-22）").At(T(2026, 11, 23, 9, 48, 2))
            .NonMatch(Kinds.ReplyWithContent, "callcenter-daily", "callcenter", "2026-11-22");

        yield return n.Case("reply-re-full-width-colon-lowercase", "Re： (mixed case, full-width colon) from a city CRM manager")
            .From(P("zhang.wei@cq.example.com")).Recipients([P("wang.fang@callcenter.example.com")], [])
            .Subject("Re：呼叫中心信息周报（2026年第47周）").At(T(2026, 11, 23, 14, 2, 45))
            .Body(() => Bodies.Note(new Signature("张伟", "客户关系部经理", "重庆公司客户关系部", "电话：023-6789 1200"),
                "王主管：", "", "重庆区域投诉量环比上升，请在下周周报中单列分析。"))
            .Screened(Kinds.Reply);

        // Forwards: a forward by one of the unit's submitters counts.
        yield return n.Case("forward-fw-by-submitter", "FW: by the submitter, the report quoted under Outlook's header block: a submission of the quoted day")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月22日")
            .Subject("FW: 呼叫中心信息日报（2026-11-22）").At(T(2026, 11, 23, 9, 15, 40))
            .EditBody(Bodies.Forwarded("陈雪 <chen.xue@callcenter.example.com>", "2026年11月22日 20:38", "集团客户服务部",
                "呼叫中心信息日报（2026-11-22）", "各位领导：", "", "昨晚日报漏发管家中心，现补发，请查收。"))
            .Matched("2026-11-22");

        yield return n.Case("forward-zhuanfa-full-width-colon", "转发： (full-width colon) by the warranty head to add a forgotten recipient")
            .Submit("wy-cq-warranty", "warranty-weekly").Intro("2026年第47周")
            .Subject("转发：重庆物业房屋保修部周报（2026年第47周）").At(T(2026, 11, 23, 17, 20, 26))
            .EditBody(Bodies.Forwarded("尹海 <yin.hai@wy-cq.example.com>", "2026年11月23日 16:05", "陈刚; 王磊; 李强",
                "重庆物业房屋保修部周报（2026年第47周）", "各位领导：", "", "补充抄送集团工程管理部，请查阅。"))
            .Matched("2026-W47");

        yield return n.Case("forward-fwd-by-second-duty-officer", "Fwd: by the other duty officer of the call center")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月21日")
            .Subject("Fwd: 呼叫中心信息日报 2026-11-21").At(T(2026, 11, 22, 8, 50, 19))
            .EditBody(Bodies.Forwarded("李萌萌 <li.mengmeng@callcenter.example.com>", "2026年11月21日 20:47", "集团客户服务部",
                "呼叫中心信息日报 2026-11-21", "各位：", "", "转发昨日日报，供今日晨会使用。"))
            .Matched("2026-11-21");

        yield return n.Case("forward-fw-re", "FW: RE: is a forward (the first prefix decides) by the supervisor: counted")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第47周")
            .Subject("FW: RE: 呼叫中心信息周报（2026年第47周）").At(T(2026, 11, 23, 15, 30, 57))
            .Matched("2026-W47");

        yield return n.Case("forward-by-non-submitter", "FW: by group customer service (not a submitter) to management: unknown sender, report and period still recognized")
            .Content("callcenter", "callcenter-daily").Intro("2026年11月23日")
            .From(zhouMin).Recipients([P("management@hq.example.com")], [P("dept-gms@hq.example.com")])
            .Subject("FW: " + DailySubject).At(T(2026, 11, 24, 8, 40, 3))
            .EditBody(Bodies.Forwarded(csSignature, "陈雪 <chen.xue@callcenter.example.com>", "2026年11月23日 20:40", "集团客户服务部",
                DailySubject, "各位领导：", "", "转发呼叫中心昨日日报，请审阅。"))
            .NonMatch(Kinds.UnknownSender, "callcenter-daily", null, "2026-11-23");

        // Automatic replies.
        yield return n.Case("auto-submitted-receipt", "Auto-Submitted: auto-generated receipt from the group's shared mailbox: generated, not a reply (RFC 3834), so judged like any mail: a daily report from an unknown sender")
            .From(P("cs-dl@hq.example.com")).Recipients([chenXue], [])
            .Subject("已收到：" + DailySubject).At(T(2026, 11, 23, 20, 40, 15))
            .Header("Auto-Submitted", "auto-generated")
            .Body(() => Bodies.Note(csSignature, "您好：", "", "您的邮件已送达集团客户服务部公共邮箱，我们将尽快处理。此邮件为系统自动发送，请勿回复。"))
            .NonMatch(Kinds.UnknownSender, "callcenter-daily", null, "2026-11-23");

        yield return n.Case("auto-response-suppress-rule-copy", "a copy made by the submitter's inbox rule carries X-Auto-Response-Suppress, a request not to auto-reply and no evidence of one: the report counts")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月23日")
            .Subject(DailySubject).At(T(2026, 11, 23, 20, 41, 2))
            .Header("X-Auto-Response-Suppress", "All").Header("X-MS-Exchange-Inbox-Rules-Loop", "chen.xue@callcenter.example.com")
            .Matched("2026-11-23");

        yield return n.Case("auto-reply-subject-zidong-huifu", "自动回复: subject without any auto-reply header")
            .From(zhouMin).Recipients([chenXue], [])
            .Subject("自动回复: " + DailySubject).At(T(2026, 11, 23, 20, 40, 20))
            .Body(() => Bodies.Note(csSignature, "您好，我于11月23日至11月25日休假，期间请联系客户服务部公共邮箱 cs-dl@hq.example.com。"))
            .Screened(Kinds.AutoReply);

        yield return n.Case("automatic-reply-english-outlook", "Exchange out-of-office in English: Automatic reply: with Auto-Submitted: auto-replied")
            .From(P("he.zhiqiang@hq.example.com")).Recipients([P("yin.hai@wy-cq.example.com")], [])
            .Subject("Automatic reply: 重庆物业房屋保修部周报（2026年第47周）").At(T(2026, 11, 23, 16, 5, 50))
            .Header("Auto-Submitted", "auto-replied").Header("X-Auto-Response-Suppress", "All")
            .Body(() => Bodies.Note(new Signature("何志强", "总经理", "集团工程管理部", "电话：023-6100 3301"), "本人11月23日至27日出差，邮件回复可能延迟。"))
            .Screened(Kinds.AutoReply);

        yield return n.Case("precedence-auto-reply", "Precedence: auto_reply and X-Autoreply from a city CRM manager's away notice")
            .From(P("shen.jia@sz.example.com")).Recipients([P("ye.xin@sz.example.com")], [])
            .Subject("外出通知：11月23日至11月27日在外培训").At(T(2026, 11, 23, 9, 12, 36))
            .Header("Precedence", "auto_reply").Header("X-Autoreply", "yes")
            .Body(() => Bodies.Note(new Signature("沈佳", "客户关系部经理", "苏州公司客户关系部", "电话：0512-6252 4401"), "您好，本人外出培训，紧急事务请联系朱怡。"))
            .Screened(Kinds.AutoReply);

        yield return n.Case("out-of-office-subject", "Out of Office: subject prefix")
            .From(P("tang.jianguo@hq.example.com")).Recipients([P("wang.fang@callcenter.example.com")], [])
            .Subject("Out of Office: 呼叫中心信息周报（2026年第47周）").At(T(2026, 11, 23, 10, 13, 1))
            .Body(() => Bodies.Note(new Signature("唐建国", "总经理", "集团客户服务部", "电话：023-6100 2201"), "我将于11月30日返回办公室。"))
            .Screened(Kinds.AutoReply);

        yield return n.Case("auto-submitted-no", "Auto-Submitted: no is a person's mail: the report counts")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月10日")
            .Subject("呼叫中心信息日报（2026-11-10）").At(T(2026, 11, 10, 20, 38, 29))
            .Header("Auto-Submitted", "no")
            .Matched("2026-11-10");

        // Delivery and read reports.
        yield return n.Case("dsn-undeliverable", "Exchange non-delivery report (multipart/report; report-type=delivery-status) quoting the report's headers")
            .From(P("MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@callcenter.example.com", "Microsoft Outlook")).Recipients([chenXue], [])
            .Subject("无法传递: " + DailySubject).At(T(2026, 11, 23, 20, 40, 31))
            .MimeBody(b => Bodies.DeliveryStatus(b, "butler-centre@wy-cq.example.com", DailySubject, OriginalHeaders))
            .Screened(Kinds.DeliveryReport);

        yield return n.Case("read-receipt", "read receipt (multipart/report; report-type=disposition-notification) for the daily report")
            .From(zhouMin).Recipients([chenXue], [])
            .Subject("已读: " + DailySubject).At(T(2026, 11, 24, 9, 2, 18))
            .MimeBody(b => Bodies.ReadReceipt(b, "zhou.min@hq.example.com", DailySubject,
                "<SH0PR01MB1037E39449919B17DD03E3F680A6BE7E034F5DD89147@SH0PR01MB1037.apcprd01.prod.exchangelabs.com>"))
            .Screened(Kinds.DeliveryReport);

        yield return n.Case("delivery-status-in-mixed", "a bounce from an outside server: message/delivery-status inside multipart/mixed, not multipart/report")
            .From(P("MAILER-DAEMON@mx.example.net", "Mail Delivery System")).Recipients([P("bao.hong@wy-hd.example.com")], [])
            .FromInternet("mx.example.net", "198.51.100.24").AuthResults("spf=pass (sender IP is 198.51.100.24) smtp.helo=mx.example.net; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=mx.example.net;compauth=none reason=405")
            .Subject("Undelivered Mail Returned to Sender").At(T(2026, 11, 30, 16, 41, 6))
            .MimeBody(b => Bodies.BounceInMixed(b, "wen.zhao@example.net",
                "From: =?utf-8?B?6bKN57qi?= <bao.hong@wy-hd.example.com>\r\nSubject: =?utf-8?B?5Y2O5Lic54mp5Lia5oi/5bGL5L+d5L+u6YOo5pyI5oql?=\r\nDate: Mon, 30 Nov 2026 16:40:51 +0800\r\n"))
            .Screened(Kinds.DeliveryReport);

        // MailOps's own mail.
        yield return n.Case("own-mail-digest", "MailOps's daily digest (X-MailOps-Generated: digest), which names reports in its subject and table")
            .From(P("mailops@hq.example.com", "MailOps 报送监控")).Recipients([P("cs-dl@hq.example.com")], [])
            .Subject("【MailOps】2026年11月23日报送情况：呼叫中心信息日报已收到").At(T(2026, 11, 23, 21, 5, 0))
            .Header("X-MailOps-Generated", "digest")
            .Body(() =>
            {
                var body = new BodyContent();
                body.Opening.Add("2026年11月23日（周一）报送情况：");
                body.Tables.Add(new TableContent([["报告", "单位", "状态", "收到时间"],
                    ["呼叫中心信息日报", "集团呼叫中心", "按时", "20:40"],
                    ["呼叫中心信息周报", "集团呼叫中心", "按时", "10:12"],
                    ["房屋保修部周报", "华东物业房屋保修部", "待报", "/"]]));
                body.Closing.Add("此邮件由 MailOps 自动发送。");
                return body;
            })
            .Screened(Kinds.OwnMail);

        yield return n.Case("own-mail-nudge", "MailOps's nudge (X-MailOps-Generated: nudge) naming a report that is not yet in")
            .From(P("mailops@hq.example.com", "MailOps 报送监控")).Recipients([chenXue, P("li.mengmeng@callcenter.example.com")], [])
            .Subject("提醒：呼叫中心信息日报（2026-11-23）尚未收到，截止时间21:00").At(T(2026, 11, 23, 20, 0, 0))
            .Header("X-MailOps-Generated", "nudge")
            .Body(() => Bodies.Note(new Signature("MailOps", "自动提醒", "集团客户服务部", "电话：023-6100 2288"),
                "陈雪、李萌萌：", "", "今日呼叫中心信息日报尚未收到，请于21:00前报送。"))
            .Screened(Kinds.OwnMail);
    }
}
