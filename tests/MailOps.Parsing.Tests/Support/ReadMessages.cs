using MailOps.Parsing.Reading;

namespace MailOps.Parsing.Tests.Support;

/// <summary>What the reader would have read, for testing one check at a time.</summary>
internal static class ReadMessages
{
    public static ReadMessage With(string? html = null, string? text = null, byte[]? workbook = null, params AttachmentInfo[] attachments) => new()
    {
        MessageId = "<m@example.com>",
        Subject = "s",
        From = null,
        Sender = null,
        ReplyTo = null,
        To = [],
        Cc = [],
        Date = null,
        Received = null,
        ReceivedFrom = null,
        TextBody = text,
        HtmlBody = html,
        Attachments = workbook is null ? attachments : [.. attachments, new AttachmentInfo("月报.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Length)],
        Workbook = workbook,
    };
}
