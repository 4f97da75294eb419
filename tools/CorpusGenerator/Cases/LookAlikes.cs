using MailOps.CorpusGenerator.Attachments;
using MailOps.CorpusGenerator.Mime;
using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// 260-289: how a subject is read beyond its keywords: documents that share a report's words but are not the
/// report (the catalog's excluded words), a holiday named in a long-holiday summary's subject, and English subjects
/// (the report's English name).
/// </summary>
internal static class LookAlikes
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        var caoYu = new Signature("曹宇", "信息管理岗", "成都公司客户关系部", "电话：028-8555 6601");
        var yangXue = new Signature("杨雪", "信息管理岗", "重庆公司客户关系部", "电话：023-6789 1230");

        // Documents that share a report's words.
        yield return n.Case("holiday-roster-not-the-summary", "the roster for the coming National Day (长假值班安排), sent after Mid-Autumn: not the Mid-Autumn duty summary")
            .Submit("cd-crm", "holiday-duty-summary").NoAttachment()
            .Body(() => Bodies.Note(caoYu, "各位同事：", "", "国庆长假（10月1日至7日）值班安排见附件，请值班同事提前做好交接。"))
            .Attach(new AttachmentSpec("成都公司国庆长假值班安排表.docx", Docx, OfficeFiles.Document("成都公司国庆长假值班安排表", ["10月1日：曹宇", "10月2日：袁珊", "10月3日：林芳"])))
            .Subject("成都公司客户关系部国庆长假值班安排").At(T(2026, 9, 28, 16, 12, 40))
            .NonMatch(Kinds.UnknownReport, null, "cd-crm", null);

        yield return n.Case("holiday-notice-forwarded", "转发： of the group's notice about the coming holiday's duty (…值班工作的通知), forwarded by the info officer: not a duty summary")
            .Submit("cq-crm", "holiday-duty-summary").NoAttachment()
            .Body(() => Bodies.Note(yangXue, "各位同事：", "", "转发集团通知，请按要求做好春节长假值班工作。"))
            .Subject("转发：关于做好2027年春节长假值班工作的通知").At(T(2026, 12, 30, 10, 5, 12))
            .NonMatch(Kinds.UnknownReport, null, "cq-crm", null);

        yield return n.Case("holiday-summary-bracketed-arrangement", "（含节后工作安排） after the summary's name: an excluded word in round brackets annotates the report")
            .Submit("nj-crm", "holiday-duty-summary").Intro("国庆长假")
            .Subject("南京公司国庆长假值班总结（含节后工作安排）").At(T(2026, 10, 8, 11, 20, 3))
            .Matched("2026-national-day");

        yield return n.Case("other-department-minutes", "the engineering department's meeting minutes, forwarded to the CRM department by its info officer: not the CRM meeting's minutes")
            .Submit("cq-crm", "crm-meeting-minutes")
            .Body(() => Bodies.Note(yangXue, "各位同事：", "", "工程管理部例会纪要供参考，涉及客户投诉的事项请关注。"))
            .Subject("重庆公司工程管理部例会纪要（2026年11月23日）").At(T(2026, 11, 23, 18, 2, 17))
            .NonMatch(Kinds.UnknownReport, null, "cq-crm", null);

        yield return n.Case("meeting-notice-with-minutes", "the next meeting's notice with the last minutes attached (例会通知（附上期会议纪要）): not the minutes")
            .Submit("cq-crm", "crm-meeting-minutes")
            .Body(() => Bodies.Note(yangXue, "各位同事：", "", "本周例会定于11月30日周一下午3点召开，上期会议纪要见附件。"))
            .Subject("重庆公司客户关系部例会通知（附上期会议纪要）").At(T(2026, 11, 27, 9, 40, 55))
            .NonMatch(Kinds.UnknownReport, null, "cq-crm", null);

        // A holiday named in a long-holiday summary's subject.
        yield return n.Case("holiday-named-sent-late", "a Mid-Autumn duty summary sent late, after National Day: the holiday named, not the one just over")
            .Submit("cd-crm", "holiday-duty-summary").Intro("中秋长假")
            .Subject("成都公司客户关系部中秋长假值班总结").At(T(2026, 10, 8, 10, 40, 21))
            .Matched("2026-mid-autumn");

        yield return n.Case("holiday-named-not-yet-begun", "a National Day duty summary sent before National Day: no period (a person looks), not the Mid-Autumn summary")
            .Submit("cq-crm", "holiday-duty-summary").Intro("国庆长假")
            .Subject("重庆公司客户关系部国庆长假值班总结").At(T(2026, 9, 28, 15, 30, 9))
            .NonMatch(Kinds.PeriodUnknown, "holiday-duty-summary", "cq-crm", null);

        // English subjects: the report's English name is one more keyword group.
        yield return n.Case("english-subject-daily", "Call Center Daily Report 2026-11-19: the English name in title case, the date read as ever")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月19日")
            .Subject("Call Center Daily Report 2026-11-19").At(T(2026, 11, 19, 20, 41, 36))
            .Matched("2026-11-19");

        yield return n.Case("english-subject-event-window", "Site-open Daily Report without a date the parser reads: the window's day inferred from the received instant")
            .Submit("cs-crm", "site-open-daily").Intro("11月21日")
            .Subject("Xiangjiang Bay Phase III Site-open Daily Report").At(T(2026, 11, 21, 20, 35, 50))
            .Matched("cs-2026-11-site-open@2026-11-21");
    }
}
