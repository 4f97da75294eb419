using System.Text;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;
using MimeKit;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>Bodies that are not a report's own: notes, replies, forwards, delivery and read reports.</summary>
internal static class Bodies
{
    public static BodyContent Note(Signature signature, params string[] lines)
    {
        var body = new BodyContent { Signature = signature };
        body.Opening.AddRange(lines);
        return body;
    }

    /// <summary>A report's figures as its submitter sent them, to be quoted under a reply.</summary>
    public static BodyContent Report(RegimeData regime, string reportId, string intro, Signature signature)
    {
        var report = regime.Report(reportId);
        var body = new BodyContent { Signature = signature };
        body.Opening.AddRange(["各位领导、同事：", "", $"现将{intro}{report.Name}报送如下，请审阅。"]);
        body.Tables.Add(TableContent.Vertical("指标", "数值", report.Fields.Select(f => (f, ReportSamples.Value(reportId, f)))));
        body.Closing.Add("如有疑问请随时联系，谢谢！");
        return body;
    }

    /// <summary>Turns a report body into Outlook's forward of it: a note, then the original under its header block.</summary>
    public static Action<BodyContent> Forwarded(string from, string sent, string to, string subject, params string[] note) =>
        Forwarded(null, from, sent, to, subject, note);

    /// <summary>A forward signed by <paramref name="forwarder"/> (the original's author when null).</summary>
    public static Action<BodyContent> Forwarded(Signature? forwarder, string from, string sent, string to, string subject, params string[] note) => body =>
    {
        var original = new BodyContent { Signature = body.Signature };
        original.Opening.AddRange(body.Opening);
        original.Tables.AddRange(body.Tables);
        original.Closing.AddRange(body.Closing);
        body.Opening.Clear();
        body.Tables.Clear();
        body.Closing.Clear();
        body.Opening.AddRange(note);
        body.Quoted = new QuotedMessage(from, sent, to, null, subject, original);
        body.Signature = forwarder ?? body.Signature;
    };

    /// <summary>An Exchange non-delivery report: multipart/report; report-type=delivery-status.</summary>
    public static MimeEntity DeliveryStatus(Boundaries boundaries, string failedRecipient, string originalSubject, string originalHeaders)
    {
        var report = new MultipartReport("delivery-status") { Boundary = boundaries.Next() };
        var explanation = new Multipart("alternative") { Boundary = boundaries.Next() };
        var text = $"无法将邮件传递到以下收件人或组:\r\n\r\n{failedRecipient}\r\n找不到你输入的电子邮件地址。请检查收件人的电子邮件地址，然后尝试重新发送邮件。\r\n\r\n原始邮件主题: {originalSubject}\r\n";
        explanation.Add(Text("plain", text));
        explanation.Add(Text("html", $"<html><body><p><b>无法将邮件传递到以下收件人或组:</b></p><p>{failedRecipient}</p><p>找不到你输入的电子邮件地址。</p></body></html>"));
        report.Add(explanation);
        report.Add(Ascii("message", "delivery-status",
            "Reporting-MTA: dns;TYZPR01MB5678.apcprd01.prod.exchangelabs.com\r\n" +
            "Received-From-MTA: dns;SH0PR01MB1037.apcprd01.prod.exchangelabs.com\r\n" +
            "Arrival-Date: Mon, 23 Nov 2026 12:40:12 +0000\r\n\r\n" +
            $"Final-Recipient: rfc822;{failedRecipient}\r\n" +
            "Action: failed\r\nStatus: 5.1.10\r\n" +
            "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n"));
        report.Add(Ascii("text", "rfc822-headers", originalHeaders));
        return report;
    }

    /// <summary>A read receipt: multipart/report; report-type=disposition-notification.</summary>
    public static MimeEntity ReadReceipt(Boundaries boundaries, string reader, string originalSubject, string originalMessageId)
    {
        var report = new MultipartReport("disposition-notification") { Boundary = boundaries.Next() };
        report.Add(Text("plain", $"你的邮件\r\n\r\n    收件人: {reader}\r\n    主题: {originalSubject}\r\n    发送时间: 2026/11/23 20:40\r\n\r\n已于 2026/11/24 9:02 读取。\r\n"));
        report.Add(Ascii("message", "disposition-notification",
            "Reporting-UA: TYZPR01MB5678.apcprd01.prod.exchangelabs.com; Microsoft Exchange Server\r\n" +
            $"Final-Recipient: rfc822;{reader}\r\n" +
            $"Original-Message-ID: {originalMessageId}\r\n" +
            "Disposition: manual-action/MDN-sent-manually; displayed\r\n"));
        return report;
    }

    /// <summary>A bounce from a non-Exchange server: message/delivery-status inside multipart/mixed.</summary>
    public static MimeEntity BounceInMixed(Boundaries boundaries, string failedRecipient, string originalHeaders)
    {
        var mixed = new Multipart("mixed") { Boundary = boundaries.Next() };
        mixed.Add(Text("plain", "This is the mail system at host mx.example.net.\r\n\r\nI'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n"));
        mixed.Add(Ascii("message", "delivery-status",
            "Reporting-MTA: dns; mx.example.net\r\nArrival-Date: Mon, 30 Nov 2026 16:41:02 +0800 (CST)\r\n\r\n" +
            $"Final-Recipient: rfc822; {failedRecipient}\r\nAction: failed\r\nStatus: 5.2.2\r\n" +
            "Diagnostic-Code: smtp; 552 5.2.2 mailbox full\r\n"));
        mixed.Add(Ascii("text", "rfc822-headers", originalHeaders));
        return mixed;
    }

    private static TextPart Text(string subtype, string content)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, content);
        part.ContentTransferEncoding = ContentEncoding.Base64;
        return part;
    }

    private static MimePart Ascii(string type, string subtype, string content) => new(type, subtype)
    {
        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(content))),
        ContentTransferEncoding = content.Any(c => c > '\u007f') ? ContentEncoding.EightBit : ContentEncoding.SevenBit,
    };
}
