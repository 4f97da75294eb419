using System.Globalization;
using System.Text;
using MailOps.CorpusGenerator.Attachments;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;
using MimeKit;

namespace MailOps.CorpusGenerator.Cases;

internal sealed partial class MailCase
{
    private static readonly DateTimeOffset FileTime = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private MimeEntity BuildBody(RegimeData regime, ReportData? report, Person from, DateTimeOffset date, List<AttachmentSpec> attachments, Boundaries boundaries)
    {
        var content = _customContent?.Invoke() ?? DefaultContent(regime, report, from);
        foreach (var edit in _bodyEdits)
        {
            edit(content);
        }

        var text = _mode switch
        {
            BodyMode.LabelledText => OutlookBody.LabelledText(content),
            BodyMode.TabbedText => OutlookBody.LabelledText(content, "\t"),
            BodyMode.SpacedText => OutlookBody.LabelledText(content, "\u3000"),
            BodyMode.PastedRows => OutlookBody.PastedRows(content),
            _ => OutlookBody.Text(content),
        };
        switch (_wrapping)
        {
            case Wrapping.Tnef:
                return TnefPart(content, text, attachments);
            case Wrapping.TnefBesideText:
                var mixed = new Multipart("mixed") { Boundary = boundaries.Next() };
                mixed.Add(TextPart("plain", text));
                mixed.Add(TnefPart(content, text, attachments));
                return mixed;
        }

        MimeEntity body = _mode switch
        {
            BodyMode.HtmlOnly => TextPart("html", OutlookBody.Html(content, _bodyCharset)),
            BodyMode.LabelledText or BodyMode.TabbedText or BodyMode.SpacedText or BodyMode.PastedRows => TextPart("plain", text),
            _ => Alternative(content, text, boundaries),
        };

        if (attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { Boundary = boundaries.Next() };
            mixed.Add(body);
            foreach (var attachment in attachments)
            {
                mixed.Add(AttachmentPart(attachment));
            }

            body = mixed;
        }

        return _wrapping switch
        {
            Wrapping.Signed => Smime.Detached(from, body, date, boundaries.Next()),
            Wrapping.OpaqueSigned => Smime.Opaque(from, body, date),
            _ => body,
        };
    }

    private Multipart Alternative(BodyContent content, string text, Boundaries boundaries)
    {
        var alternative = new Multipart("alternative") { Boundary = boundaries.Next() };
        alternative.Add(TextPart("plain", text));
        alternative.Add(TextPart("html", OutlookBody.Html(content, _bodyCharset)));
        return alternative;
    }

    private TextPart TextPart(string subtype, string content)
    {
        var part = new TextPart(subtype);
        part.SetText(Charsets.Get(_bodyCharset), content);
        part.ContentType.Charset = _bodyCharset;
        part.ContentTransferEncoding = _bodyEncoding;
        return part;
    }

    private MimePart TnefPart(BodyContent content, string text, List<AttachmentSpec> attachments)
    {
        // Outlook also records an 8.3 name, such as ATTACH~1.XLS.
        var files = attachments.Select((a, i) =>
            new TnefAttachment(a.FileName, $"ATTACH~{i + 1}{new string([.. Path.GetExtension(a.FileName).ToUpperInvariant().Take(4)])}", a.MimeType, a.Data));
        var tnef = TnefWriter.Write(_subject, OutlookBody.Html(content, "utf-8"), text, [.. files]);
        var part = new MimePart("application", "ms-tnef")
        {
            Content = new MimeContent(new MemoryStream(tnef)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "winmail.dat" },
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        part.ContentType.Name = "winmail.dat";
        return part;
    }

    private static MimePart AttachmentPart(AttachmentSpec attachment)
    {
        var slash = attachment.MimeType.IndexOf('/', StringComparison.Ordinal);
        var part = new MimePart(attachment.MimeType[..slash], attachment.MimeType[(slash + 1)..])
        {
            Content = new MimeContent(new MemoryStream(attachment.Data)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
        };

        if (attachment.Rfc2231Charset is { } charset)
        {
            var encoded = Rfc2231(attachment.FileName, charset);
            Raw(part, "Content-Type", $"{attachment.MimeType};{Crlf}\tname*={encoded}");
            Raw(part, "Content-Disposition", $"attachment;{Crlf}\tfilename*={encoded}; size={attachment.Data.Length}");
            return part;
        }

        // Outlook's form: RFC 2047 words inside quotes, with the size and file dates.
        part.FileName = attachment.FileName;
        part.ContentDisposition.Size = attachment.Data.Length;
        part.ContentDisposition.CreationDate = FileTime;
        part.ContentDisposition.ModificationDate = FileTime;
        foreach (var parameter in part.ContentType.Parameters.Concat(part.ContentDisposition.Parameters))
        {
            parameter.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        }

        return part;
    }

    private static string Rfc2231(string value, string charset)
    {
        var encoded = new StringBuilder(charset).Append("''");
        foreach (var b in Charsets.Get(charset).GetBytes(value))
        {
            var c = (char)b;
            encoded.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c.ToString() : $"%{b:X2}");
        }

        return encoded.ToString();
    }

    private static void Raw(MimeEntity entity, string field, string value)
    {
        var header = new Header(field, field == "Content-Type" ? "application/octet-stream" : "attachment");
        header.SetRawValue(Encoding.ASCII.GetBytes(" " + value + Crlf));
        entity.Headers.Replace(header);
    }

    // ---- The report's own content ----

    private BodyContent DefaultContent(RegimeData regime, ReportData? report, Person from)
    {
        if (report is null || _unit is null)
        {
            throw new InvalidOperationException($"{FileStem}: no report to write a body for");
        }

        var unit = regime.Unit(_unit);
        var body = new BodyContent();
        body.Opening.Add("各位领导、同事：");
        body.Opening.Add("");
        if (report.Fields.Count > 0)
        {
            body.Opening.Add($"现将{_intro}{report.Name}报送如下，请审阅。");
            body.Tables.Add(FieldTable(report));
        }
        else
        {
            body.Opening.Add($"附件为{Title(unit.Name, report.Name)}，请审阅。");
        }

        body.Closing.Add("如有疑问请随时联系，谢谢！");
        // Signed by the report's author: the sender, or for a forward by someone else the submitter it came from.
        var author = _from is null ? from.Name : People.NameOf(regime.Submitter(_unit, report.Submitter, _submitterIndex)) ?? from.Name;
        body.Signature = new Signature(author ?? from.Address, ReportSamples.Title(report.Submitter), unit.Name, "电话：" + ReportSamples.Phone(unit.Id));
        return body;
    }

    /// <summary>How people name the document: 华东物业 + 2026年11月 + 房屋保修部月报, not the department twice.</summary>
    private string Title(string unitName, string reportName)
    {
        for (var length = Math.Min(unitName.Length, reportName.Length); length >= 2; length--)
        {
            if (reportName.StartsWith(unitName[^length..], StringComparison.Ordinal))
            {
                return unitName[..^length] + _intro + reportName;
            }
        }

        return unitName + _intro + reportName;
    }

    private string FieldValue(ReportData report, string label) =>
        _fieldValues.TryGetValue(label, out var value) ? value : ReportSamples.Value(report.Id, label);

    private TableContent FieldTable(ReportData report)
    {
        var labels = report.Fields.Where(f => !_omittedFields.Contains(f)).ToList();
        var narrative = ReportSamples.IsNarrative(report.Id);
        switch (_layout)
        {
            case TableLayout.Horizontal:
                return new([["日期", .. labels], [_intro.Length > 0 ? _intro : "当日", .. labels.Select(l => FieldValue(report, l))]]);
            case TableLayout.Paired:
                var rows = new List<List<string>> { new() { "指标", "数值", "指标", "数值" } };
                for (var i = 0; i < labels.Count; i += 2)
                {
                    rows.Add(i + 1 < labels.Count
                        ? [labels[i], FieldValue(report, labels[i]), labels[i + 1], FieldValue(report, labels[i + 1])]
                        : [labels[i], FieldValue(report, labels[i]), "", ""]);
                }

                return new(rows);
            case TableLayout.PerProject:
                List<List<string>> projects = [["项目", .. labels]];
                string[] names = ["示例·一期", "示例·二期"];
                projects.Add([names[0], .. labels.Select(l => _fieldValues.TryGetValue(l, out var given) ? given : Rest(ReportSamples.Value(report.Id, l)))]);
                projects.Add([names[1], .. labels.Select(l => Share(ReportSamples.Value(report.Id, l)))]);

                projects.Add(["合计", .. labels.Select(l => ReportSamples.Value(report.Id, l))]);
                return new(projects);
            default:
                return TableContent.Vertical(narrative ? "项目" : "指标", narrative ? "内容" : "数值", labels.Select(l => (l, FieldValue(report, l))));
        }
    }

    /// <summary>The second project's share of a total: two fifths of a count, a rate as it is.</summary>
    private static string Share(string total) =>
        Count(total) is { } count ? (count * 2 / 5).ToString(CultureInfo.InvariantCulture) : total;

    /// <summary>The first project's part: the total less the second project's share.</summary>
    private static string Rest(string total) =>
        Count(total) is { } count ? (count - count * 2 / 5).ToString(CultureInfo.InvariantCulture) : total;

    private static int? Count(string value) =>
        int.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    // ---- Attachments ----

    private List<AttachmentSpec> Attachments(RegimeData regime, ReportData? report, Person from)
    {
        var list = new List<AttachmentSpec>(_attachmentsFirst);
        if (_defaultAttachment && _customBody is null && report is not null && _unit is not null && report.AttachmentExtensions.Count > 0)
        {
            var extension = _attachmentExtension ?? report.AttachmentExtensions[0];
            var unit = regime.Unit(_unit);
            var title = Title(unit.Name, report.Name);
            var data = extension switch
            {
                ".xlsx" when _corruptWorkbook => Encoding.ASCII.GetBytes("PK\u0003\u0004 this file was cut short by a mail gateway"),
                ".xlsx" => OfficeFiles.Workbook(Sheets(report, title, from)),
                ".docx" => OfficeFiles.Document(title, Paragraphs(report)),
                ".pdf" => Pdf.Create(report.Id),
                _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
            };
            list.Add(new AttachmentSpec(title + extension, MimeTypeOf(extension), data) { Rfc2231Charset = _attachmentCharset });
        }

        list.AddRange(_attachments);
        return list;
    }

    private SheetSpec[] Sheets(ReportData report, string title, Person from)
    {
        if (report.Workbook.Count == 0)
        {
            return [new SheetSpec("Sheet1", [("A1", title), ("A2", "序号"), ("B2", "检查项"), ("C2", "风险等级"), ("D2", "整改责任人"),
                ("A3", 1), ("B3", "样板区域临边防护"), ("C3", "高"), ("D3", "工程管理部"),
                ("A4", 2), ("B4", "参观动线地面平整"), ("C4", "中"), ("D4", "物业项目部")])];
        }

        var cells = new List<(string, object?)> { ("A1", title), ("A2", "指标"), ("B2", "数值") };
        var lastRow = 2;
        foreach (var required in report.Workbook)
        {
            var row = int.Parse(new string([.. required.Cell.SkipWhile(char.IsLetter)]), CultureInfo.InvariantCulture);
            lastRow = Math.Max(lastRow, row);
            cells.Add(($"A{row}", required.Label));
            cells.Add((required.Cell, _blankCells.Contains(required.Cell) ? null : ReportSamples.WorkbookValue(required.Label)));
        }

        cells.Add(($"A{lastRow + 2}", "填报人"));
        cells.Add(($"B{lastRow + 2}", from.Name ?? from.Address));
        return
        [
            new SheetSpec(_sheetName ?? report.Workbook[0].Sheet, cells),
            new SheetSpec("填表说明", [("A1", "数据口径：按集团模板统计；月报数据截至每月28日，季报数据截至季度末。")]),
        ];
    }

    private static string[] Paragraphs(ReportData report) =>
    [
        "一、基本情况",
        $"本{report.Name}依据《客户关系信息管理制度》编制，数据截至报送日前一日。",
        "二、主要问题及整改措施",
        "1. 已识别问题均已明确责任部门和完成时限；",
        "2. 重点风险项由城市公司客户关系部每周跟踪闭环。",
        "三、下一步工作安排",
        "按计划推进，并在下次例会通报进展。",
    ];

    private static string MimeTypeOf(string extension) => extension switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xls" => "application/vnd.ms-excel",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".doc" => "application/msword",
        ".pdf" => "application/pdf",
        ".jpg" => "image/jpeg",
        _ => "application/octet-stream",
    };
}
