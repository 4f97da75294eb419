using MailOps.CorpusGenerator.Mime;
using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// 200-239: who sent it and whether that can be trusted (unknown senders, spoofed internal senders, Sender and
/// Reply-To), classification outcomes that are not a match, and where the received instant comes from.
/// </summary>
internal static class SenderCases
{
    private const string SpoofedCallCenter =
        "spf=fail (sender IP is 203.0.113.77) smtp.mailfrom=callcenter.example.com; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=oreject header.from=callcenter.example.com;compauth=fail\r\n reason=000";

    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        // Unknown senders.
        yield return n.Case("unknown-outside-sender", "an agent's personal outside mailbox sends the daily report: unknown sender, report and period recognized")
            .Content("callcenter", "callcenter-daily").Intro("2026年11月23日")
            .From(new Person("王小明", "wangxm@example.org")).FromInternet("mail.example.org", "198.51.100.20")
            .AuthResults("spf=pass (sender IP is 198.51.100.20) smtp.mailfrom=example.org; dkim=pass (signature was verified)\r\n header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass reason=100")
            .Subject("呼叫中心信息日报（2026-11-23）").At(T(2026, 11, 23, 20, 50, 37))
            .NonMatch(Kinds.UnknownSender, "callcenter-daily", null, "2026-11-23");

        yield return n.Case("outside-sender-failing-dmarc", "an outside domain failing SPF and DMARC is an unknown sender, not an unauthenticated internal one")
            .Content("wy-hd-warranty", "warranty-weekly").Intro("2026年第47周")
            .From(new Person("报表助手", "reports@example.net")).FromInternet("vps-203-0-113-9.example.net", "203.0.113.9")
            .AuthResults("spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=example.net; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=none header.from=example.net;compauth=fail reason=001")
            .Subject("房屋保修部周报（2026年第47周）").At(T(2026, 11, 23, 16, 12, 5))
            .NonMatch(Kinds.UnknownSender, "warranty-weekly", null, "2026-W47");

        // Spoofed internal senders: a non-match that keeps its full classification.
        yield return n.Case("spoofed-dmarc-fail", "internal From arriving from the internet with spf=fail and dmarc=fail in the topmost Authentication-Results")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月21日")
            .FromInternet("vps-203-0-113-77.example.net", "203.0.113.77").AuthAs("").AuthResults(SpoofedCallCenter)
            .Subject("呼叫中心信息日报（2026-11-21）").At(T(2026, 11, 21, 20, 44, 19))
            .Unauthenticated("2026-11-21");

        yield return n.Case("spoofed-anonymous", "internal From marked X-MS-Exchange-Organization-AuthAs: Anonymous, with no Authentication-Results")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第47周")
            .FromInternet("vps-203-0-113-80.example.net", "203.0.113.80")
            .Subject("呼叫中心信息周报（2026年第47周）").At(T(2026, 11, 23, 10, 40, 52))
            .Unauthenticated("2026-W47");

        yield return n.Case("spoofed-forged-lower-pass", "the topmost Authentication-Results fails; a pass the sender forged lower down does not count")
            .Submit("cq-crm", "compensation-quarterly").Intro("2026年第三季度")
            .FromInternet("vps-203-0-113-52.example.net", "203.0.113.52").AuthAs("")
            .AuthResults(
                "spf=fail (sender IP is 203.0.113.52) smtp.mailfrom=cq.example.com; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=oreject header.from=cq.example.com;compauth=fail reason=000",
                "mx.cq.example.com; spf=pass smtp.mailfrom=cq.example.com; dkim=pass header.d=cq.example.com;\r\n dmarc=pass header.from=cq.example.com")
            .Subject("重庆公司2026年第三季度客户赔偿季报").At(T(2026, 10, 9, 13, 27, 14))
            .Unauthenticated("2026-Q3");

        yield return n.Case("spoofed-softfail-recipients-missing", "spf=softfail from an internal From, addressed to group.cs only: unauthenticated, with its recipients-missing finding")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月22日").Drop("property.butler-center")
            .FromInternet("dsl-192-0-2-44.example.net", "192.0.2.44").AuthAs("")
            .AuthResults("spf=softfail (sender IP is 192.0.2.44) smtp.mailfrom=callcenter.example.com; dkim=none (message not\r\n signed) header.d=none;dmarc=none action=none header.from=callcenter.example.com;compauth=softpass reason=201")
            .Subject("呼叫中心信息日报（2026-11-22）").At(T(2026, 11, 22, 21, 30, 3))
            .Unauthenticated("2026-11-22", Kinds.RecipientsMissing);

        yield return n.Case("dkim-fail-without-pass", "dkim=fail and no dkim=pass (SPF and DMARC pass): unauthenticated")
            .Submit("cq-crm", "crm-monthly").Intro("2026年10月")
            .FromInternet("mail-sgaapc01on2112.outbound.protection.outlook.com", "40.107.94.12").AuthAs("")
            .AuthResults("spf=pass (sender IP is 40.107.94.12) smtp.mailfrom=cq.example.com; dkim=fail (body hash did not\r\n verify) header.d=cq.example.com;dmarc=pass action=none header.from=cq.example.com;compauth=pass reason=100")
            .Subject("重庆公司客户关系月报（2026年10月）").At(T(2026, 10, 29, 16, 18, 27))
            .Unauthenticated("2026-10");

        yield return n.Case("dkim-fail-with-pass", "one signature fails (a relay's) and the sender's own passes: authenticated")
            .Submit("wx-crm", "crm-monthly").Intro("2026年11月")
            .FromInternet("mail-sgaapc01on2113.outbound.protection.outlook.com", "40.107.94.13").AuthAs("")
            .AuthResults("spf=pass (sender IP is 40.107.94.13) smtp.mailfrom=wx.example.com; dkim=pass (signature was verified)\r\n header.d=wx.example.com;dkim=fail (body hash did not verify) header.d=relay.example.net;dmarc=pass\r\n action=none header.from=wx.example.com;compauth=pass reason=100")
            .Subject("无锡公司客户关系月报（2026年11月）").At(T(2026, 11, 26, 17, 2, 11))
            .Matched("2026-11");

        yield return n.Case("topmost-pass-lower-fail", "the topmost Authentication-Results passes; an older failing one below it does not count")
            .Submit("zz-crm", "compensation-quarterly").Intro("2026年第三季度")
            .FromInternet("mail-sgaapc01on2120.outbound.protection.outlook.com", "40.107.94.20").AuthAs("")
            .AuthResults(
                "spf=pass (sender IP is 40.107.94.20) smtp.mailfrom=zz.example.com; dkim=pass (signature was verified)\r\n header.d=zz.example.com;dmarc=pass action=none header.from=zz.example.com;compauth=pass reason=100",
                "gateway.zz.example.com; spf=fail smtp.mailfrom=zz.example.com; dmarc=fail header.from=zz.example.com")
            .Subject("郑州公司2026年第三季度客户赔偿季报").At(T(2026, 10, 9, 11, 40, 25))
            .Matched("2026-Q3");

        // The unit from Sender or Reply-To.
        yield return n.Case("sender-on-behalf", "From the call center's shared mailbox, Sender the duty officer: the unit comes from Sender")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月24日")
            .From(new Person("集团呼叫中心", "callcenter@callcenter.example.com")).Sender(P("chen.xue@callcenter.example.com"))
            .Subject("呼叫中心信息日报（2026-10-24）").At(T(2026, 10, 24, 20, 37, 6))
            .Matched("2026-10-24");

        yield return n.Case("reply-to-gives-unit", "a reporting system's noreply From with Reply-To the duty officer: the unit comes from Reply-To")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年10月23日")
            .From(new Person("呼叫中心报表系统", "noreply@callcenter.example.com")).ReplyTo(P("li.mengmeng@callcenter.example.com"))
            .Subject("呼叫中心信息日报（2026-10-23）").At(T(2026, 10, 23, 20, 30, 0))
            .Matched("2026-10-23");

        // Classification outcomes that are not a match.
        yield return n.Case("unknown-report", "ordinary mail from a submitter: the unit is known, no report matches")
            .Submit("cq-crm", "hot-complaint")
            .Recipients([P("crm@cq.example.com")], [P("zhang.wei@cq.example.com")])
            .Body(() => Bodies.Note(new Signature("吴婷婷", "项目客户经理", "重庆公司客户关系部", "电话：023-6789 1234"),
                "各位同事：", "", "集团客服培训定于下周三下午两点在三楼会议室举行，请准时参加。"))
            .Subject("关于客服培训安排的通知").At(T(2026, 11, 20, 10, 15, 33))
            .NonMatch(Kinds.UnknownReport, null, "cq-crm", null);

        yield return n.Case("not-owed-callcenter-daily", "a city CRM submitter sends a 呼叫中心信息日报, a report city CRM units do not owe")
            .Content("callcenter", "callcenter-daily").Intro("2026年11月23日")
            .From(P("yang.xue@cq.example.com"))
            .Subject("呼叫中心信息日报（2026-11-23）").At(T(2026, 11, 23, 20, 30, 46))
            .NonMatch(Kinds.NotOwed, "callcenter-daily", "cq-crm", "2026-11-23");

        yield return n.Case("period-unknown-no-event", "a site-open daily report from Nanjing, which has no site-open event: no period")
            .Submit("nj-crm", "site-open-daily").Intro("今日")
            .Subject("金陵府工地开放日报").At(T(2026, 11, 21, 20, 30, 12))
            .NonMatch(Kinds.PeriodUnknown, "site-open-daily", "nj-crm", null);

        yield return n.Case("ambiguous-tie", "工地开放日报及总结 matches site-open-daily and site-open-summary with groups of 6 characters each")
            .Submit("cs-crm", "site-open-daily").Intro("2026年11月22日")
            .Subject("湘江湾三期工地开放日报及总结").At(T(2026, 11, 22, 21, 0, 18))
            .NonMatch(Kinds.Ambiguous, null, "cs-crm", null);

        yield return n.Case("longest-group-wins", "工地开放+风险检查 (8 characters) beats 工地开放+方案 (6) in one subject")
            .Submit("cs-crm", "site-open-risk-check").Intro("三期")
            .Subject("湘江湾三期工地开放前风险检查报告（含工地开放方案调整）").At(T(2026, 11, 10, 17, 4, 9))
            .Matched("cs-2026-11-site-open");

        yield return n.Case("not-owed-left-out-first", "重大投诉 and 投诉分析 tie, but Chengdu does not owe the complaint analysis: major complaint")
            .Submit("cd-crm", "major-complaint")
            .Subject("锦江苑重大投诉情况报告（含投诉分析）").At(T(2026, 11, 25, 22, 50, 31))
            .Matched("cd-2026-11-complaint-major");

        yield return n.Case("ambiguous-both-owed", "the same 重大投诉/投诉分析 tie from Nanjing, which owes both: ambiguous")
            .Submit("nj-crm", "major-complaint")
            .Subject("金陵府重大投诉情况报告（含投诉分析）").At(T(2026, 12, 8, 20, 0, 42))
            .NonMatch(Kinds.Ambiguous, null, "nj-crm", null);

        // The received instant.
        yield return n.Case("no-date", "no Received header, no Date header and no instant supplied: no-date")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月23日")
            .NoTrace(supplied: false).NoDateHeader()
            .Subject("呼叫中心信息日报（2026-11-23）")
            .NonMatch(Kinds.NoDate, null, null, null);

        yield return n.Case("supplied-after-midnight", "no Received header; Graph's receivedDateTime 00:01 on the 23rd wins over Date 23:58 on the 22nd")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("今日")
            .NoTrace().At(T(2026, 11, 23, 0, 1, 12)).Sent(T(2026, 11, 22, 23, 58, 30))
            .Subject("呼叫中心信息日报").Matched("2026-11-23");

        yield return n.Case("supplied-weekly", "no Received header; Graph's receivedDateTime on Monday morning gives the week before")
            .Submit("wy-cq-warranty", "warranty-weekly").Intro("上周")
            .NoTrace().At(T(2026, 11, 23, 9, 10, 44))
            .Subject("重庆物业房屋保修部周报").Matched("2026-W47");

        yield return n.Case("received-beats-date", "the topmost Received (21 Nov 20:35) decides, not a Date header from a wrong client clock (20 Nov)")
            .Submit("callcenter", "callcenter-daily").Intro("今日")
            .At(T(2026, 11, 21, 20, 35, 27)).Sent(T(2026, 11, 20, 18, 0, 0))
            .Subject("呼叫中心信息日报").Matched("2026-11-21");

        yield return n.Case("date-header-only", "no Received header and nothing supplied: the Date header is the received instant")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("今日")
            .NoTrace(supplied: false).Sent(T(2026, 11, 19, 20, 36, 10))
            .Subject("呼叫中心信息日报").Matched("2026-11-19");

        // What an unknown sender's report keeps beyond calendar periods (appended so that the numbers above stay).
        yield return n.Case("unknown-sender-event-day", "a site-open daily report from the customer manager's personal mailbox: unknown sender, the subject's day kept as the period")
            .Content("cs-crm", "site-open-daily").Intro("11月21日")
            .From(new Person("邹佩", "zoupei1988@example.org")).FromInternet("mail.example.org", "198.51.100.21")
            .AuthResults("spf=pass (sender IP is 198.51.100.21) smtp.mailfrom=example.org; dkim=pass (signature was verified)\r\n header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass reason=100")
            .Subject("湘江湾三期工地开放日报（11月21日）").At(T(2026, 11, 21, 20, 52, 8))
            .NonMatch(Kinds.UnknownSender, "site-open-daily", null, "2026-11-21");

        yield return n.Case("unknown-sender-named-holiday", "a National Day duty summary from a personal mailbox: unknown sender, the named holiday's long holiday kept as the period")
            .Content("nj-crm", "holiday-duty-summary").Intro("国庆长假")
            .From(new Person("秦书", "qinshu.nj@example.org")).FromInternet("mail.example.org", "198.51.100.22")
            .AuthResults("spf=pass (sender IP is 198.51.100.22) smtp.mailfrom=example.org; dkim=pass (signature was verified)\r\n header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass reason=100")
            .Subject("南京公司国庆长假值班总结").At(T(2026, 10, 8, 11, 5, 44))
            .NonMatch(Kinds.UnknownSender, "holiday-duty-summary", null, "2026-national-day");
    }
}
