using MailOps.Compliance.Common;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Subjects;
using MailOps.Parsing.Threading;
using MimeKit;

namespace MailOps.Parsing.Screening;

/// <summary>
/// Mail that is not a report whatever its subject says: MailOps's own, delivery reports and automatic replies, by
/// their headers, their structure, and then by how servers and clients word them. Replies are judged later, once
/// the sender and the thread are known (<see cref="MessageParser"/>).
/// </summary>
internal static class NonSubmissionScreen
{
    /// <param name="own">The message with its quotes removed, whose body is read for phrasing.</param>
    /// <param name="subjectSaysLittle">The subject names no report, or is a reply's: only then is the body's phrasing read.</param>
    public static (NonMatchReason Reason, LocalizedText Detail)? Screen(MimeMessage message, ReadMessage own, NormalizedSubject subject, bool subjectSaysLittle)
    {
        var headers = message.Headers;

        // By its header first; by its Message-ID when a relay has dropped the header. MailOps's mail says
        // Auto-Submitted: auto-generated, which alone would not screen it.
        if (headers.Contains(ParsingOptions.OwnMailHeader) || OwnMessageId.Read(message.MessageId) is not null)
        {
            return (NonMatchReason.OwnMail, new("MailOps 自己发出的邮件", "mail MailOps sent itself"));
        }

        if (IsDeliveryReport(message))
        {
            return (NonMatchReason.DeliveryReport, new("退信或回执", "a delivery report or read receipt"));
        }

        if (AutoReplyHeaders.Find(headers) is { } header)
        {
            return (NonMatchReason.AutoReply, new($"自动回复（{header}）", $"an automatic reply ({header})"));
        }

        if (AutomaticPhrasing.OfSubject(message.Subject) is { } bySubject)
        {
            return bySubject == NonMatchReason.DeliveryReport
                ? (bySubject, new("主题表明是退信", "a delivery report, by its subject"))
                : (bySubject, new("主题表明是自动回复", "an automatic reply, by its subject"));
        }

        if (subjectSaysLittle && AutomaticPhrasing.OfBody(own) is { } byBody)
        {
            return byBody == NonMatchReason.DeliveryReport
                ? (byBody, new("正文表明是退信", "a delivery report, by its wording"))
                : (byBody, new("正文表明是自动回复", "an automatic reply, by its wording"));
        }

        return null;
    }

    private static bool IsDeliveryReport(MimeMessage message) =>
        message.Body is MultipartReport
        || message.BodyParts.Any(p => p is MessageDeliveryStatus or MessageDispositionNotification
            || p.ContentType.IsMimeType("message", "delivery-status") || p.ContentType.IsMimeType("message", "disposition-notification"));
}
