using MailOps.CorpusGenerator.Attachments;
using MailOps.CorpusGenerator.Mime;
using MimeKit;
using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// 090-099: GB2312, GBK, GB18030 and Big5 in encoded-word subjects and display names, in bodies (the charset
/// of the Content-Type) and in RFC 2231 attachment names (<c>filename*=gb18030''...</c>).
/// </summary>
internal static class CharsetCases
{
    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        yield return n.Case("gb2312-everywhere", "GB2312 subject, display names, body and RFC 2231 workbook name")
            .Submit("sz-crm", "crm-monthly").Intro("2026年11月")
            .Subject("苏州公司客户关系月报（2026年11月）", "gb2312").Names("gb2312")
            .BodyCharset("gb2312").AttachmentNameCharset("gb2312")
            .At(T(2026, 11, 27, 16, 44, 9))
            .Matched("2026-11");

        yield return n.Case("gbk-everywhere", "GBK subject with 報 (not in GB2312), GBK names, quoted-printable GBK body, RFC 2231 GBK workbook name")
            .Submit("wy-hd-warranty", "warranty-monthly").Intro("2026年11月")
            .Subject("华东物业房屋保修部月報（2026年11月）", "GBK").Names("GBK")
            .BodyCharset("GBK", ContentEncoding.QuotedPrintable).AttachmentNameCharset("GBK")
            .At(T(2026, 11, 30, 15, 58, 33))
            .Matched("2026-11");

        yield return n.Case("gb18030-everywhere", "GB18030 subject, names, body with a four-byte character (🙂) and RFC 2231 GB18030 workbook name")
            .Submit("callcenter", "callcenter-monthly").Intro("2026年10月")
            .Subject("呼叫中心信息月报（2026年10月）", "gb18030").Names("gb18030")
            .BodyCharset("gb18030").AttachmentNameCharset("gb18030")
            .EditBody(b => b.Closing.Add("本月来电高峰集中在周一上午，已增加排班🙂"))
            .At(T(2026, 10, 30, 16, 20, 4))
            .Matched("2026-10");

        yield return n.Case("big5-everywhere", "Big5 traditional subject and display name, Big5 body, RFC 2231 Big5 minutes file name")
            .Submit("cq-crm", "crm-meeting-minutes").FromName("楊雪")
            .Subject("重慶公司客戶關係部例會紀要（2026年11月16日）", "big5").Names("big5")
            .BodyCharset("big5")
            .Body(() =>
            {
                var body = new BodyContent();
                body.Opening.AddRange(["各位領導、同事：", "", "附件為重慶公司客戶關係部例會紀要（2026年11月16日），請審閱。"]);
                body.Closing.Add("如有疑問請隨時聯繫，謝謝！");
                body.Signature = new Signature("楊雪", "客關信息管理崗", "重慶公司客戶關係部", "電話：023-6789 1234");
                return body;
            })
            .NoAttachment()
            .Attach(new AttachmentSpec("重慶公司客戶關係部例會紀要（2026年11月16日）.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                OfficeFiles.Document("重慶公司客戶關係部例會紀要", ["一、會議時間：2026年11月16日 09:30-11:00", "二、參會人員：客戶關係部全體", "三、會議內容：交付風險與投訴處理進展"]))
            { Rfc2231Charset = "big5" })
            .At(T(2026, 11, 16, 16, 10, 52))
            .Matched("cq-2026-11-16-crm-meeting");

        yield return n.Case("gb2312-body-fields", "GB2312 (base64) HTML body whose table holds the required fields")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月13日")
            .Subject("呼叫中心信息日报（2026年11月13日）", "gb2312").Names("gb2312").BodyCharset("gb2312")
            .At(T(2026, 11, 13, 20, 40, 26))
            .Matched("2026-11-13");

        yield return n.Case("gbk-qp-body-fields", "GBK quoted-printable body with the fields; UTF-8 subject")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年11月12日")
            .Subject("呼叫中心信息日报 2026-11-12").BodyCharset("GBK", ContentEncoding.QuotedPrintable)
            .At(T(2026, 11, 12, 20, 39, 3))
            .Matched("2026-11-12");

        yield return n.Case("gb18030-body-fields", "GB18030 body (with 🙂) whose per-project table holds the fields")
            .Submit("wy-sc-warranty", "warranty-weekly").Intro("2026年第46周").Layout(TableLayout.PerProject)
            .Subject("四川物业房屋保修部周报（2026年第46周）", "gb18030").BodyCharset("gb18030")
            .EditBody(b => b.Closing.Add("本周维修及时率较上周提升🙂"))
            .At(T(2026, 11, 16, 14, 20, 48))
            .Matched("2026-W46");

        yield return n.Case("utf8-8bit-body", "UTF-8 body sent as 8bit rather than base64")
            .Submit("callcenter", "callcenter-daily").Intro("2026年11月11日")
            .Subject("呼叫中心信息日报 2026-11-11").BodyEncoding(ContentEncoding.EightBit)
            .At(T(2026, 11, 11, 20, 41, 55))
            .Matched("2026-11-11");
    }
}
