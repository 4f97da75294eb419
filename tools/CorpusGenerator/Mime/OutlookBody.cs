using System.Globalization;
using System.Net;
using System.Text;

namespace MailOps.CorpusGenerator.Mime;

/// <summary>
/// Renders a <see cref="BodyContent"/> the way Outlook for Windows does: Word-generated HTML with
/// <c>class=MsoNormal</c> paragraphs, <c>mso-</c> styles, <c>&lt;o:p&gt;</c> and <c>&amp;nbsp;</c>, tables of
/// class MsoTableGrid, and the plain-text alternative with table cells separated by tabs.
/// </summary>
internal static class OutlookBody
{
    public static string Html(BodyContent body, string charset)
    {
        var html = new StringBuilder();
        html.Append("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" ")
            .Append("xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\" ")
            .Append("xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n")
            .Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n")
            .Append("<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">\n")
            .Append(Styles.Replace("等线", Font(charset), StringComparison.Ordinal))
            .Append("</head>\n<body lang=\"ZH-CN\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word;text-justify-trim:punctuation\">\n")
            .Append("<div class=\"WordSection1\">\n");
        Content(html, body, charset);
        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Text(BodyContent body)
    {
        var text = new StringBuilder();
        TextContent(text, body);
        return text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Plain text with each two-column table row as a line of label, separator and value: <c>label：value</c> as
    /// people type it, a tab as pasted from Excel, or spaces.
    /// </summary>
    public static string LabelledText(BodyContent body, string separator = "：") =>
        PlainText(body, table => table.Rows.Skip(1).Select(row => row[0] + separator + row[1]));

    /// <summary>Plain text with each label-and-value table pasted as Excel copies a row range: the labels, then the values, tab-separated.</summary>
    public static string PastedRows(BodyContent body) =>
        PlainText(body, table => [string.Join('\t', table.Rows.Skip(1).Select(row => row[0])), string.Join('\t', table.Rows.Skip(1).Select(row => row[1]))]);

    private static string PlainText(BodyContent body, Func<TableContent, IEnumerable<string>> lines)
    {
        var text = new StringBuilder();
        foreach (var line in body.Opening)
        {
            text.Append(line).Append('\n');
        }

        text.Append('\n');
        foreach (var table in body.Tables)
        {
            foreach (var line in lines(table))
            {
                text.Append(line).Append('\n');
            }

            text.Append('\n');
        }

        Tail(text, body);
        return text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    /// <summary>Outlook's default body font: 等线 in simplified Chinese, 新細明體 in a Big5 (traditional) mail.</summary>
    private static string Font(string charset) => charset.Equals("big5", StringComparison.OrdinalIgnoreCase) ? "新細明體" : "等线";

    private static void Content(StringBuilder html, BodyContent body, string charset)
    {
        foreach (var line in body.Opening)
        {
            Paragraph(html, line);
        }

        foreach (var table in body.Tables)
        {
            Table(html, table);
            Paragraph(html, "");
        }

        foreach (var line in body.Closing)
        {
            Paragraph(html, line);
        }

        if (body.Signature is { } signature)
        {
            Paragraph(html, "");
            html.Append(CultureInfo.InvariantCulture, $"<p class=MsoNormal><b><span style=\"font-size:10.5pt;font-family:{Font(charset)};color:#1F3864;mso-bidi-font-family:Arial\">")
                .Append(Escape(signature.Name)).Append("<span lang=EN-US><o:p></o:p></span></span></b></p>\n");
            Paragraph(html, $"{signature.Department}&nbsp;|&nbsp;{signature.Title}", escaped: true);
            Paragraph(html, signature.Phone);
        }

        if (body.Quoted is { } quoted)
        {
            Paragraph(html, "");
            html.Append("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">\n")
                .Append("<p class=MsoNormal align=left style=\"text-align:left\"><b><span style=\"font-size:11.0pt\">发件人<span lang=EN-US>:</span></span></b>")
                .Append("<span lang=EN-US style=\"font-size:11.0pt\"> ").Append(Escape(quoted.From)).Append(" <br></span>")
                .Append("<b><span style=\"font-size:11.0pt\">发送时间<span lang=EN-US>:</span></span></b><span lang=EN-US style=\"font-size:11.0pt\"> ")
                .Append(Escape(quoted.Sent)).Append("<br></span>")
                .Append("<b><span style=\"font-size:11.0pt\">收件人<span lang=EN-US>:</span></span></b><span lang=EN-US style=\"font-size:11.0pt\"> ")
                .Append(Escape(quoted.To)).Append("<br></span>");
            if (quoted.Cc is { } cc)
            {
                html.Append("<b><span style=\"font-size:11.0pt\">抄送<span lang=EN-US>:</span></span></b><span lang=EN-US style=\"font-size:11.0pt\"> ")
                    .Append(Escape(cc)).Append("<br></span>");
            }

            html.Append("<b><span style=\"font-size:11.0pt\">主题<span lang=EN-US>:</span></span></b><span lang=EN-US style=\"font-size:11.0pt\"> </span>")
                .Append("<span style=\"font-size:11.0pt\">").Append(Escape(quoted.Subject)).Append("<span lang=EN-US><o:p></o:p></span></span></p>\n")
                .Append("</div>\n");
            Paragraph(html, "");
            Content(html, quoted.Body, charset);
        }
    }

    private static void Paragraph(StringBuilder html, string text, bool escaped = false)
    {
        if (text.Length == 0)
        {
            html.Append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n");
            return;
        }

        html.Append("<p class=MsoNormal>").Append(escaped ? text : Spans(text)).Append("<span lang=EN-US><o:p></o:p></span></p>\n");
    }

    private static void Table(StringBuilder html, TableContent table)
    {
        html.Append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style=\"border-collapse:collapse;border:none;")
            .Append("mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt\">\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var first = r == 0 ? ";mso-yfti-firstrow:yes" : "";
            var last = r == table.Rows.Count - 1 ? ";mso-yfti-lastrow:yes" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr style=\"mso-yfti-irow:{r}{first}{last}\">\n");
            foreach (var cell in table.Rows[r])
            {
                var border = r == 0 ? "border:solid windowtext 1.0pt" : "border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt";
                html.Append(CultureInfo.InvariantCulture, $"<td width=142 valign=top style=\"width:106.5pt;{border};mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt\">\n");
                if (cell.Length == 0)
                {
                    html.Append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n");
                }
                else if (r == 0)
                {
                    html.Append("<p class=MsoNormal align=center style=\"text-align:center\"><b>").Append(Spans(cell))
                        .Append("<span lang=EN-US><o:p></o:p></span></b></p>\n");
                }
                else
                {
                    html.Append("<p class=MsoNormal>").Append(Spans(cell)).Append("<span lang=EN-US><o:p></o:p></span></p>\n");
                }

                html.Append("</td>\n");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>Word wraps runs of Latin text (digits, punctuation) in <c>lang=EN-US</c> spans.</summary>
    private static string Spans(string text)
    {
        var result = new StringBuilder();
        var run = new StringBuilder();
        bool? latin = null;
        foreach (var c in text)
        {
            var isLatin = c < '\u0080';
            if (latin is { } current && current != isLatin)
            {
                Flush(result, run, current);
            }

            latin = isLatin;
            run.Append(c);
        }

        if (latin is { } last)
        {
            Flush(result, run, last);
        }

        return result.ToString();
    }

    private static void Flush(StringBuilder result, StringBuilder run, bool latin)
    {
        var escaped = Escape(run.ToString()).Replace("  ", " &nbsp;", StringComparison.Ordinal);
        result.Append(latin ? $"<span lang=EN-US>{escaped}</span>" : escaped);
        run.Clear();
    }

    private static void TextContent(StringBuilder text, BodyContent body)
    {
        foreach (var line in body.Opening)
        {
            text.Append(line).Append('\n');
        }

        text.Append('\n');
        foreach (var table in body.Tables)
        {
            foreach (var row in table.Rows)
            {
                text.Append(string.Join('\t', row)).Append('\n');
            }

            text.Append('\n');
        }

        Tail(text, body);
    }

    private static void Tail(StringBuilder text, BodyContent body)
    {
        foreach (var line in body.Closing)
        {
            text.Append(line).Append('\n');
        }

        if (body.Signature is { } signature)
        {
            text.Append('\n').Append(signature.Name).Append('\n')
                .Append(signature.Department).Append(" | ").Append(signature.Title).Append('\n')
                .Append(signature.Phone).Append('\n');
        }

        if (body.Quoted is { } quoted)
        {
            text.Append('\n').Append("________________________________\n")
                .Append("发件人: ").Append(quoted.From).Append('\n')
                .Append("发送时间: ").Append(quoted.Sent).Append('\n')
                .Append("收件人: ").Append(quoted.To).Append('\n');
            if (quoted.Cc is { } cc)
            {
                text.Append("抄送: ").Append(cc).Append('\n');
            }

            text.Append("主题: ").Append(quoted.Subject).Append("\n\n");
            TextContent(text, quoted.Body);
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private const string Styles = """
        <style><!--
        /* Font Definitions */
        @font-face
        	{font-family:"Cambria Math";
        	panose-1:2 4 5 3 5 4 6 3 2 4;}
        @font-face
        	{font-family:等线;
        	panose-1:2 1 6 0 3 1 1 1 1 1;}
        @font-face
        	{font-family:"\@等线";
        	panose-1:2 1 6 0 3 1 1 1 1 1;}
        /* Style Definitions */
        p.MsoNormal, li.MsoNormal, div.MsoNormal
        	{margin:0cm;
        	text-align:justify;
        	text-justify:inter-ideograph;
        	font-size:10.5pt;
        	font-family:等线;
        	mso-fareast-language:ZH-CN;}
        span.EmailStyle17
        	{mso-style-type:personal-compose;
        	font-family:等线;
        	color:windowtext;}
        .MsoChpDefault
        	{mso-style-type:export-only;
        	font-family:等线;}
        @page WordSection1
        	{size:612.0pt 792.0pt;
        	margin:72.0pt 90.0pt 72.0pt 90.0pt;}
        div.WordSection1
        	{page:WordSection1;}
        --></style><!--[if gte mso 9]><xml>
        <o:shapedefaults v:ext="edit" spidmax="1026" />
        </xml><![endif]--><!--[if gte mso 9]><xml>
        <o:shapelayout v:ext="edit">
        <o:idmap v:ext="edit" data="1" />
        </o:shapelayout></xml><![endif]-->

        """;
}
