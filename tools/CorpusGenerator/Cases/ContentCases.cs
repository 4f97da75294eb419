using MailOps.CorpusGenerator.Attachments;
using static MailOps.CorpusGenerator.Cases.Corpus;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>
/// 160-199: required body fields in Outlook tables (vertical, header-row, paired, per-project) and in
/// <c>label：value</c> lines; blank values; required attachments by extension; workbook cells.
/// </summary>
internal static class ContentCases
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEnumerable<MailCase> Cases(Numbers n)
    {
        // Blank and missing body fields.
        yield return n.Case("blank-empty-cell", "投诉量's value cell is empty (Outlook writes <o:p>&nbsp;</o:p>)")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月22日").Field("投诉量", "")
            .Subject("呼叫中心信息日报（2026-10-22）").At(T(2026, 10, 22, 20, 34, 40))
            .Matched("2026-10-22", Kinds.Incomplete);

        yield return n.Case("blank-slash-per-project", "及时完成率 is \"/\" in a project row of a header-row table")
            .Submit("wy-sc-warranty", "warranty-weekly").Intro("2026年第45周").Layout(TableLayout.PerProject).Field("及时完成率", "/")
            .Subject("四川物业房屋保修部周报（2026年第45周）").At(T(2026, 11, 9, 15, 0, 22))
            .Matched("2026-W45", Kinds.Incomplete);

        yield return n.Case("blank-dash", "客户问题数 is \"-\" in the delivery daily report")
            .Submit("sz-crm", "delivery-daily").Intro("2026年12月27日").Field("客户问题数", "-")
            .Subject("姑苏府一期集中交付日报（2026年12月27日）").At(T(2026, 12, 27, 20, 45, 7))
            .Matched("sz-2026-12-delivery@2026-12-27", Kinds.Incomplete);

        yield return n.Case("blank-em-dash", "客户反馈 is \"—\" (an em dash) in the activity flash report")
            .Submit("nj-crm", "customer-event-flash").Intro("业主冬至包饺子活动")
            .Field("活动名称", "金陵府业主冬至包饺子活动").Field("活动时间", "15:00-18:00").Field("客户反馈", "—")
            .Subject("金陵府冬至包饺子活动客户活动快报").At(T(2026, 12, 20, 11, 0, 45))
            .Matched("nj-2026-12-customer-activity", Kinds.Incomplete);

        yield return n.Case("field-label-absent", "the 咨询量 row is missing from the table and the text")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年10月21日").OmitField("咨询量")
            .Subject("呼叫中心信息日报（2026-10-21）").At(T(2026, 10, 21, 20, 50, 3))
            .Matched("2026-10-21", Kinds.Incomplete);

        yield return n.Case("several-problems-one-kind", "投诉量 is \"/\" and 咨询量 is missing: still a single incomplete finding kind")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月20日").Field("投诉量", "/").OmitField("咨询量")
            .Subject("呼叫中心信息日报（2026-10-20）").At(T(2026, 10, 20, 20, 41, 18))
            .Matched("2026-10-20", Kinds.Incomplete);

        // Where the fields are.
        yield return n.Case("labels-with-colon-and-unit", "labels written 来电总量： and 投诉量（件）, 报修量(件): the trailing colon and bracketed unit are ignored")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月19日")
            .EditBody(b =>
            {
                var rows = b.Tables[0].Rows;
                rows[1][0] = "来电总量：";
                rows[2][0] = "投诉量（件）";
                rows[3][0] = "报修量(件)";
                rows[4][0] = "咨询量（件）：";
            })
            .Subject("呼叫中心信息日报（2026-10-19）").At(T(2026, 10, 19, 20, 38, 56))
            .Matched("2026-10-19");

        yield return n.Case("header-row-layout", "the labels as column headers with the values in the row below")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("10月18日").Layout(TableLayout.Horizontal)
            .Subject("呼叫中心信息日报（2026-10-18）").At(T(2026, 10, 18, 20, 46, 14))
            .Matched("2026-10-18");

        yield return n.Case("header-row-layout-blank", "header-row table whose 回访量 column is \"/\" in the data row")
            .Submit("callcenter", "callcenter-weekly").Intro("第43周").Layout(TableLayout.Horizontal).Field("回访量", "/")
            .Subject("呼叫中心信息周报（2026年第43周）").At(T(2026, 10, 26, 10, 41, 30))
            .Matched("2026-W43", Kinds.Incomplete);

        yield return n.Case("paired-layout", "two label/value pairs per row: each value is the cell to the right of its label")
            .Submit("sz-crm", "delivery-mock-acceptance", submitter: 1).Intro("本周").Layout(TableLayout.Paired)
            .Subject("姑苏府交付模拟验收及整改进度报告").At(T(2026, 11, 30, 16, 0, 38))
            .Matched("sz-2026-12-delivery#6");

        yield return n.Case("paired-layout-blank-right", "paired layout whose right-hand value (客户问题数) is empty")
            .Submit("sz-crm", "delivery-flash").Intro("一期").Layout(TableLayout.Paired).Field("客户问题数", "")
            .Subject("姑苏府一期集中交付快报").At(T(2026, 12, 28, 16, 40, 2))
            .Matched("sz-2026-12-delivery", Kinds.Incomplete);

        yield return n.Case("labelled-text-only", "a text/plain-only message with the figures typed as 来电总量：1,286 lines")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月17日").Mode(BodyMode.LabelledText)
            .Subject("呼叫中心信息日报（2026-10-17）").At(T(2026, 10, 17, 20, 32, 48))
            .Matched("2026-10-17");

        yield return n.Case("labelled-text-blank", "text/plain only, with the line 报修量：/")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年10月16日").Mode(BodyMode.LabelledText).Field("报修量", "/")
            .Subject("呼叫中心信息日报（2026-10-16）").At(T(2026, 10, 16, 20, 49, 9))
            .Matched("2026-10-16", Kinds.Incomplete);

        yield return n.Case("html-only", "an HTML-only body (no text/plain alternative)")
            .Submit("wy-hz-warranty", "warranty-weekly").Intro("2026年第46周").Mode(BodyMode.HtmlOnly)
            .Subject("华中物业房屋保修部周报（2026年第46周）").At(T(2026, 11, 16, 16, 0, 11))
            .Matched("2026-W46");

        yield return n.Case("field-in-line-not-table", "回访量 is not in the table but in a line 回访量：236 below it")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第41周").OmitField("回访量")
            .EditBody(b => b.Closing.Insert(0, "回访量：236"))
            .Subject("呼叫中心信息周报（2026年第41周）").At(T(2026, 10, 12, 11, 0, 26))
            .Matched("2026-W41");

        // Attachments.
        yield return n.Case("attachment-missing", "meeting minutes sent without the minutes")
            .Submit("cq-crm", "crm-meeting-minutes").Intro("2026年11月9日").NoAttachment()
            .Subject("重庆公司客户关系部例会纪要（2026年11月9日）").At(T(2026, 11, 9, 15, 20, 31))
            .Matched("cq-2026-11-09-crm-meeting", Kinds.Incomplete);

        yield return n.Case("attachment-wrong-extension", "the site-open plan sent as a photo (.jpg), not one of the accepted document types")
            .Submit("cs-crm", "site-open-plan").Intro("三期").NoAttachment()
            .Attach(new AttachmentSpec("工地开放方案（白板照片）.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, .. new byte[240], 0xFF, 0xD9]))
            .Subject("湘江湾三期工地开放方案（现场照片）").At(T(2026, 11, 10, 10, 20, 19))
            .Matched("cs-2026-11-site-open", Kinds.Incomplete);

        yield return n.Case("attachment-pdf", "the duty summary as a PDF, an accepted extension")
            .Submit("nj-crm", "holiday-duty-summary").Intro("国庆长假").AttachmentAs(".pdf")
            .Subject("南京公司国庆长假值班总结").At(T(2026, 10, 8, 11, 2, 40))
            .Matched("2026-national-day");

        yield return n.Case("attachment-doc", "the minutes as an old Word .doc file")
            .Submit("cd-crm", "crm-meeting-minutes").Intro("11月18日").AttachmentAs(".doc")
            .Subject("成都公司客户关系部例会会议纪要（11月18日）").At(T(2026, 11, 18, 17, 0, 5))
            .Matched("cd-2026-11-18-crm-meeting");

        // Workbook cells.
        yield return n.Case("workbook-blank-cell", "the monthly workbook leaves 投诉量 (月报!B4) empty")
            .Submit("callcenter", "callcenter-monthly").Intro("2026年9月").BlankCell("B4")
            .Subject("呼叫中心信息月报（2026年9月）").At(T(2026, 9, 30, 16, 10, 47))
            .Matched("2026-09", Kinds.Incomplete);

        yield return n.Case("workbook-missing-sheet", "the workbook's sheet is still called Sheet1, not 月报")
            .Submit("wx-crm", "crm-monthly").Intro("2026年10月").SheetName("Sheet1")
            .Subject("无锡公司客户关系月报（2026年10月）").At(T(2026, 10, 29, 15, 45, 33))
            .Matched("2026-10", Kinds.Incomplete);

        yield return n.Case("workbook-unreadable", "the attached .xlsx is cut short and cannot be read")
            .Submit("cs-crm", "defect-feedback-quarterly").Intro("2026年第三季度").CorruptWorkbook()
            .Subject("长沙公司2026年第三季度缺陷反馈季报").At(T(2026, 10, 9, 17, 20, 58))
            .Matched("2026-Q3", Kinds.Incomplete);

        yield return n.Case("workbook-missing", "the quarterly report sent without its workbook")
            .Submit("wx-crm", "compensation-quarterly").Intro("2026年第三季度").NoAttachment()
            .Subject("无锡公司2026年第三季度客户赔偿季报").At(T(2026, 10, 9, 16, 50, 6))
            .Matched("2026-Q3", Kinds.Incomplete);

        yield return n.Case("workbook-first-xlsx-decides", "a detail workbook without the 月报 sheet is attached before the report's workbook: the first .xlsx is the one checked")
            .Submit("wy-hd-warranty", "warranty-monthly").Intro("2026年10月")
            .AttachFirst(new AttachmentSpec("保修工单明细（2026年10月）.xlsx", Xlsx, OfficeFiles.Workbook(
                new SheetSpec("明细", [("A1", "工单号"), ("B1", "项目"), ("C1", "状态"), ("A2", "WX20261003"), ("B2", "示例·一期"), ("C2", "已完成")]))))
            .Subject("华东物业房屋保修部月报（2026年10月）").At(T(2026, 10, 30, 15, 30, 42))
            .Matched("2026-10", Kinds.Incomplete);

        yield return n.Case("workbook-detail-second", "the report's workbook first, a detail workbook after it: complete")
            .Submit("nj-crm", "crm-monthly").Intro("2026年11月")
            .Attach(new AttachmentSpec("投诉明细（2026年11月）.xlsx", Xlsx, OfficeFiles.Workbook(
                new SheetSpec("明细", [("A1", "投诉编号"), ("B1", "项目"), ("C1", "状态"), ("A2", "TS20261108"), ("B2", "示例·金陵府"), ("C2", "已关闭")]))))
            .Subject("南京公司客户关系月报（2026年11月）").At(T(2026, 11, 27, 14, 5, 50))
            .Matched("2026-11");

        // Plain text pasted from Excel or typed with spaces (appended so that the numbers above stay).
        yield return n.Case("tab-separated-text-lines", "text/plain only, the figures pasted from Excel as 来电总量<TAB>1,286 lines")
            .Submit("callcenter", "callcenter-daily").Intro("2026年10月15日").Mode(BodyMode.TabbedText)
            .Subject("呼叫中心信息日报（2026-10-15）").At(T(2026, 10, 15, 20, 36, 2))
            .Matched("2026-10-15");

        yield return n.Case("space-separated-text-lines", "text/plain only, each label and value separated by an ideographic space (来电总量　1,286)")
            .Submit("callcenter", "callcenter-daily", submitter: 1).Intro("2026年10月14日").Mode(BodyMode.SpacedText)
            .Subject("呼叫中心信息日报（2026-10-14）").At(T(2026, 10, 14, 20, 42, 31))
            .Matched("2026-10-14");

        yield return n.Case("text-table-labels-row", "text/plain only, a row of labels and the row of values below it, tab-separated as Excel copies them")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第41周").Mode(BodyMode.PastedRows)
            .Subject("呼叫中心信息周报（2026年第41周）").At(T(2026, 10, 12, 10, 52, 47))
            .Matched("2026-W41");

        yield return n.Case("text-table-labels-row-blank", "the same pasted rows with the 回访量 cell left empty: incomplete")
            .Submit("callcenter", "callcenter-weekly").Intro("2026年第40周").Mode(BodyMode.PastedRows).Field("回访量", "")
            .Subject("呼叫中心信息周报（2026年第40周）").At(T(2026, 10, 9, 16, 30, 14))
            .Matched("2026-W40", Kinds.Incomplete);
    }
}
