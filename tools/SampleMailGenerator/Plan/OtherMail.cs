using System.Globalization;
using System.Text;
using MailOps.CorpusGenerator.Attachments;
using MailOps.CorpusGenerator.Cases;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;

namespace MailOps.SampleMailGenerator.Plan;

/// <summary>
/// The month's mail that is not a report: three that look like reports but match none (planted faults), and
/// ordinary mail (replies, an auto-reply, meeting invitations, notices, newsletters) that must stay out of scoring.
/// </summary>
internal static class OtherMail
{
    private static readonly Signature GroupCs = new("周敏", "客户服务部主管", "集团客户服务部", "电话：023-6100 2288");
    private static readonly Signature GroupCsGm = new("唐建国", "客户服务部总经理", "集团客户服务部", "电话：023-6100 2201");

    public static IEnumerable<PlannedMail> Unmatched()
    {
        yield return Mail(T(11, 10, 9, 41, 7), "vendor-quality-monthly", "a consultancy's monthly quality report: report-like, but no report of the catalog and no unit",
            Outsider("品质顾问", "service@pinzhi-consult.example.org"), [P("cs-dl@hq.example.com")], [],
            "物业服务品质月报（2026年10月）",
            Bodies.Note(new Signature("品质顾问", "项目经理", "示例品质顾问有限公司", "电话：021-5000 1234"),
                "集团客户服务部：", "", "附上10月物业服务品质第三方暗访结果，请查收。"),
            Intended.NonMatch("unknown-report"),
            mail => mail.FromInternet("mail.pinzhi-consult.example.org", "198.51.100.90")
                .AuthResults(Pass("pinzhi-consult.example.org", "198.51.100.90")))
            with { Fault = Unmatched("a consultancy's 物业服务品质月报: no report of the catalog, no unit") };

        yield return Mail(T(11, 18, 17, 22, 41), "cq-crm-weekly-work-summary", "a unit's weekly work summary, which is no report of the catalog",
            P("yang.xue@cq.example.com"), [P("crm@cq.example.com")], [P("zhang.wei@cq.example.com"), P("cs-dl@hq.example.com")],
            "重庆公司客户关系部11月第3周工作汇报",
            Bodies.Note(new Signature("杨雪", "客关信息管理岗", "重庆公司客户关系部", "电话：023-6789 1234"),
                "各位领导：", "", "本周重点工作：天元府车库渗水投诉跟进、二期联合审图意见整理、11月客户回访。详见下表，请审阅。"),
            Intended.NonMatch("unknown-report", null, "cq-crm"))
            with { Fault = Unmatched("a weekly work summary (工作汇报) from a submitter: no report of the catalog") };

        yield return Mail(T(11, 20, 10, 32, 18), "callcenter-weekly-and-monthly-check", "one mail naming both the call center's weekly and monthly report: ambiguous",
            P("wang.fang@callcenter.example.com"), [P("cs-dl@hq.example.com")], [P("zhou.min@hq.example.com")],
            "呼叫中心信息周报及月报数据核对（2026年11月）",
            Bodies.Note(new Signature("王芳", "呼叫中心主管", "集团呼叫中心", "电话：400-822-8000 转 8012"),
                "周敏：", "", "11月周报与月报的来电总量口径不一致，已按集团模板重新核对，差异说明如下。"),
            Intended.NonMatch("ambiguous", null, "callcenter"))
            with { Fault = Unmatched("names both 周报 and 月报 of the call center: ambiguous") };
    }

    public static IEnumerable<PlannedMail> Ordinary()
    {
        yield return Mail(T(11, 2, 9, 14, 3), "reply-callcenter-monthly", "the group's reply to the call center's October report",
            P("zhou.min@hq.example.com"), [P("wang.fang@callcenter.example.com")], [P("cs-dl@hq.example.com")],
            "RE: 呼叫中心信息月报（2026年10月）",
            Bodies.Note(GroupCs, "王芳：", "", "月报表“月报”页投诉量（B4）未填写，请核对后补充。"),
            Intended.NonMatch("reply"));

        yield return Mail(T(11, 3, 10, 5, 52), "invitation-monthly-cs-meeting", "a meeting invitation from the group",
            P("tang.jianguo@hq.example.com"), [P("cs-all@hq.example.com")], [P("wang.fang@callcenter.example.com")],
            "会议邀请：11月客户服务工作月度例会",
            Bodies.Note(GroupCsGm, "各位：", "", "定于11月6日（周五）14:00在集团总部3楼会议室召开11月客户服务工作月度例会，请准时参加。"),
            Intended.NonMatch("unknown-report"),
            mail => mail.Attach(Invitation("11月客户服务工作月度例会", "tang.jianguo@hq.example.com", new DateTime(2026, 11, 6, 14, 0, 0), "集团总部3楼会议室")));

        yield return Mail(T(11, 4, 8, 31, 20), "newsletter-property-weekly", "an outside newsletter",
            Outsider("中国物业管理周刊", "newsletter@wuye-weekly.example.org"), [P("cs-dl@hq.example.com")], [],
            "《物业管理》电子周刊 第45期：智慧社区建设的五个误区",
            Bodies.Note(new Signature("编辑部", "", "物业管理周刊", "退订请回复TD"), "本期导读：", "1. 智慧社区建设的五个误区", "2. 业主满意度调查方法比较"),
            Intended.NonMatch("unknown-report"),
            mail => mail.FromInternet("mta.wuye-weekly.example.org", "198.51.100.120").AuthResults(Pass("wuye-weekly.example.org", "198.51.100.120")));

        yield return Mail(T(11, 6, 15, 20, 9), "notice-satisfaction-survey", "a notice from the group",
            P("cs-dl@hq.example.com"), [P("crm@cq.example.com"), P("crm@cd.example.com"), P("crm@cs.example.com"), P("crm@zz.example.com")],
            [P("crm@sz.example.com"), P("crm@wx.example.com"), P("crm@nj.example.com")],
            "关于开展2026年度客户满意度第三方调查的通知",
            Bodies.Note(GroupCs, "各城市公司客户关系部：", "", "集团将于11月下旬启动年度客户满意度第三方调查，请于11月20日前提交各项目业主联系人名单。"),
            Intended.NonMatch("unknown-report"));

        yield return Mail(T(11, 9, 18, 2, 44), "auto-reply-warranty-weekly", "an out-of-office reply to a warranty weekly report",
            P("zeng.li@wy-cq.example.com"), [P("yin.hai@wy-cq.example.com")], [],
            "自动回复: 重庆物业房屋保修部周报（2026年第45周）",
            Bodies.Note(new Signature("曾丽", "物业项目经理", "重庆物业", ""), "您好，我于11月9日至11日外出培训，期间邮件回复可能延迟，急事请致电。"),
            Intended.NonMatch("auto-reply"),
            mail => mail.Header("Auto-Submitted", "auto-replied").Header("X-Auto-Response-Suppress", "All"));

        yield return Mail(T(11, 10, 11, 40, 16), "reply-warranty-weekly", "a city engineering lead's reply to a warranty weekly report",
            P("chen.gang@cq.example.com"), [P("yin.hai@wy-cq.example.com")], [P("wang.lei@cq.example.com")],
            "答复：重庆物业房屋保修部周报（2026年第45周）",
            Bodies.Note(new Signature("陈刚", "工程负责人", "重庆公司工程管理部", "电话：023-6789 2201"), "尹经理：", "", "未完成的维修单请于本周五前闭环，完成后反馈。"),
            Intended.NonMatch("reply"));

        yield return Mail(T(11, 11, 9, 0, 35), "notice-mail-maintenance", "an IT maintenance notice",
            P("it-service@hq.example.com", "集团信息中心"), [P("all-staff@hq.example.com", "集团全体员工")], [],
            "【系统通知】邮件系统将于11月14日22:00-24:00升级维护",
            Bodies.Note(new Signature("集团信息中心", "", "示例集团", "服务热线：8000"), "各位同事：", "", "11月14日22:00-24:00邮件系统升级，期间收发可能延迟，请提前安排。"),
            Intended.NonMatch("unknown-report"));

        yield return Mail(T(11, 12, 16, 5, 27), "reply-hot-complaint", "the group's reply to a hot complaint report",
            P("zhou.min@hq.example.com"), [P("wu.tingting@cq.example.com")], [P("zhang.wei@cq.example.com")],
            "回复：【热点投诉】天元府多户业主投诉地下车库渗水",
            Bodies.Note(GroupCs, "婷婷：", "", "请每日18:00前反馈处理进展，抄送集团客户服务部。"),
            Intended.NonMatch("reply"));

        yield return Mail(T(11, 13, 14, 30, 2), "invitation-delivery-review", "a meeting invitation from group operations",
            P("operations@hq.example.com", "集团运营管理部"), [P("crm@sz.example.com"), P("engineering@sz.example.com")], [P("cs-dl@hq.example.com")],
            "邀请: 姑苏府一期交付评审会 @ 2026年11月18日 14:00",
            Bodies.Note(new Signature("集团运营管理部", "", "示例集团", "电话：023-6100 2300"), "各位：", "", "请准备交付准备情况汇报材料，时长15分钟。"),
            Intended.NonMatch("unknown-report"),
            mail => mail.Attach(Invitation("姑苏府一期交付评审会", "operations@hq.example.com", new DateTime(2026, 11, 18, 14, 0, 0), "视频会议")));

        yield return Mail(T(11, 16, 9, 20, 55), "newsletter-market-weekly", "an outside market newsletter that says 周报",
            Outsider("房地产研究院", "research@re-insight.example.org"), [P("cs-dl@hq.example.com")], [],
            "房地产行业周报：11月第2周市场回顾",
            Bodies.Note(new Signature("研究院", "", "房地产研究院", ""), "本周要点：", "重点城市新房成交环比回落，改善型需求占比上升。"),
            Intended.NonMatch("unknown-report"),
            mail => mail.FromInternet("mail.re-insight.example.org", "198.51.100.133").AuthResults(Pass("re-insight.example.org", "198.51.100.133")));

        yield return Mail(T(11, 17, 10, 30, 48), "forward-site-safety-notice", "a unit forwarding a group notice on site-open safety",
            P("zou.pei@cs.example.com"), [P("crm@cs.example.com")], [P("du.kai@cs.example.com")],
            "转发：集团关于加强工地开放安全管理的通知",
            Bodies.Note(new Signature("邹佩", "项目客户经理", "长沙公司客户关系部", "电话：0731-8426 7781"), "各位：", "", "湘江湾三期工地开放在即，请按通知要求落实安全措施。"),
            Intended.NonMatch("unknown-report", null, "cs-crm"));

        yield return Mail(T(11, 18, 17, 45, 13), "notice-training", "an HR training notice",
            P("hr@hq.example.com", "集团人力资源部"), [P("cs-all@hq.example.com")], [],
            "【培训通知】客户服务礼仪线上课程（11月25日）",
            Bodies.Note(new Signature("集团人力资源部", "", "示例集团", ""), "各位同事：", "", "11月25日15:00开展客户服务礼仪线上课程，请通过学习平台报名。"),
            Intended.NonMatch("unknown-report"));

        yield return Mail(T(11, 19, 9, 10, 6), "reply-cd-meeting-minutes", "a city CRM manager replying to her team's minutes",
            P("lin.fang@cd.example.com"), [P("cao.yu@cd.example.com")], [P("cs-dl@hq.example.com")],
            "RE: 成都公司客户关系部例会纪要（2026年11月11日）",
            Bodies.Note(new Signature("林芳", "客户关系部经理", "成都公司客户关系部", "电话：028-8676 5502"), "曹宇：", "", "纪要请在会后24小时内发出，下次注意。"),
            Intended.NonMatch("reply"));

        yield return Mail(T(11, 20, 12, 0, 31), "invitation-industry-summit", "an outside event invitation",
            Outsider("物业服务创新峰会", "events@summit.example.org"), [P("tang.jianguo@hq.example.com")], [],
            "Invitation: 2026中国物业服务创新峰会（12月3日·上海）",
            Bodies.Note(new Signature("峰会组委会", "", "物业服务创新峰会", ""), "尊敬的唐总：", "", "诚邀您出席12月3日在上海举办的物业服务创新峰会。"),
            Intended.NonMatch("unknown-report"),
            mail => mail.FromInternet("mail.summit.example.org", "198.51.100.150").AuthResults(Pass("summit.example.org", "198.51.100.150")));

        // A unit declares its own event by inviting HQ: MailOps learns Wuxi's Christmas customer activity from this
        // meeting request alone (samples/events.json does not list it); its flash report is owed 24 hours after it ends.
        yield return Mail(T(11, 20, 16, 42, 18), "invitation-wx-crm-customer-activity", "a unit's meeting request declaring its customer activity",
            P("bai.lu@wx.example.com"), [P("cs-dl@hq.example.com")], [P("yu.ting@wx.example.com")],
            "会议邀请：示例·太湖院业主圣诞亲子客户活动（12月24日）",
            Bodies.Note(new Signature("白露", "信息专员", "无锡公司客户关系部", "电话：0510-8276 3310"), "各位领导：", "", "太湖院定于12月24日15:00-17:00在会所举办业主圣诞亲子活动，敬请莅临指导。"),
            Intended.NonMatch("unknown-report", null, "wx-crm"),
            mail => mail.Attach(Invitation("示例·太湖院业主圣诞亲子客户活动", "bai.lu@wx.example.com", new DateTime(2026, 12, 24, 15, 0, 0), "太湖院会所", TimeSpan.FromHours(2))));

        yield return Mail(T(11, 23, 9, 5, 12), "invitation-weekly-cs-meeting", "a meeting invitation that names a week",
            P("zhou.min@hq.example.com"), [P("cs-all@hq.example.com")], [],
            "会议邀请：11月第4周客服工作例会",
            Bodies.Note(GroupCs, "各位：", "", "本周例会改至11月25日（周三）10:00，线上召开。"),
            Intended.NonMatch("unknown-report"),
            mail => mail.Attach(Invitation("11月第4周客服工作例会", "zhou.min@hq.example.com", new DateTime(2026, 11, 25, 10, 0, 0), "线上会议")));
    }

    private static PlannedMail Mail(DateTimeOffset at, string slug, string description, Person from, Person[] to, Person[] cc,
        string subject, BodyContent body, Intended intended, Func<MailCase, MailCase>? more = null)
    {
        MailCase Build(int number)
        {
            var mail = new MailCase(number, slug, description).From(from).Recipients(to, cc).Subject(subject).Body(() => body)
                .At(at).Header("X-Received-At", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            return more is null ? mail : more(mail);
        }

        return new PlannedMail(at, slug, description, Build, intended);
    }

    private static PlantedFault Unmatched(string what) => new(FaultKind.Unmatched, null, null, null, what, 0, "none: not tied to an obligation");

    private static DateTimeOffset T(int month, int day, int hour, int minute, int second) => new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    private static Person P(string address, string? name = null) => new(name ?? People.NameOf(address), address);

    private static Person Outsider(string name, string address) => new(name, address);

    private static string Pass(string domain, string ip) =>
        $"spf=pass (sender IP is {ip}) smtp.mailfrom={domain}; dkim=pass (signature was verified)\r\n header.d={domain};dmarc=pass action=none header.from={domain};compauth=pass reason=100";

    /// <summary>An Outlook meeting request as an iCalendar attachment; local times in China Standard Time.</summary>
    private static AttachmentSpec Invitation(string summary, string organizer, DateTime start, string location, TimeSpan? length = null)
    {
        var stamp = start.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var end = start.Add(length ?? TimeSpan.FromHours(1)).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var ics = string.Join("\r\n",
            "BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
            "BEGIN:VEVENT", $"ORGANIZER:mailto:{organizer}", $"SUMMARY;LANGUAGE=zh-CN:{summary}",
            $"DTSTART;TZID=China Standard Time:{stamp}", $"DTEND;TZID=China Standard Time:{end}",
            $"UID:{stamp}-{organizer}", $"LOCATION;LANGUAGE=zh-CN:{location}", "END:VEVENT", "END:VCALENDAR", "");
        return new AttachmentSpec("invite.ics", "text/calendar", Encoding.UTF8.GetBytes(ics));
    }
}
