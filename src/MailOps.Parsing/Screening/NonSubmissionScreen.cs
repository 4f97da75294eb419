using MailOps.Compliance.Common;
using MailOps.Parsing.Subjects;
using MimeKit;

namespace MailOps.Parsing.Screening;

/// <summary>Mail that is not a report whatever its subject says: MailOps' own, delivery reports, automatic replies, replies.</summary>
internal static class NonSubmissionScreen
{
    public static (NonMatchReason Reason, LocalizedText Detail)? Screen(MimeMessage message, NormalizedSubject subject)
    {
        var headers = message.Headers;
        if (headers.Contains(ParsingOptions.OwnMailHeader))
        {
            return (NonMatchReason.OwnMail, new("MailOps 自己发出的邮件", "mail MailOps sent itself"));
        }

        if (IsDeliveryReport(message))
        {
            return (NonMatchReason.DeliveryReport, new("退信或回执", "a delivery report or read receipt"));
        }

        if (IsAutomatic(headers) || subject.FirstPrefix == SubjectPrefix.AutoReply || StartsAutoReply(message.Subject))
        {
            return (NonMatchReason.AutoReply, new("自动回复", "an automatic reply"));
        }

        if (subject.FirstPrefix == SubjectPrefix.Reply)
        {
            return (NonMatchReason.Reply, new("对报告的回复，不是报告本身", "a reply to a report, not a report"));
        }

        return null;
    }

    private static bool IsDeliveryReport(MimeMessage message) =>
        message.Body is MultipartReport
        || message.BodyParts.Any(p => p is MessageDeliveryStatus or MessageDispositionNotification
            || p.ContentType.IsMimeType("message", "delivery-status") || p.ContentType.IsMimeType("message", "disposition-notification"));

    private static bool IsAutomatic(HeaderList headers)
    {
        var autoSubmitted = headers["Auto-Submitted"];
        if (autoSubmitted is not null && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var precedence = headers["Precedence"]?.Trim();
        return headers.Contains("X-Auto-Response-Suppress")
            || headers.Contains("X-Autoreply")
            || headers.Contains("X-Autorespond")
            || string.Equals(precedence, "auto_reply", StringComparison.OrdinalIgnoreCase);
    }

    private static bool StartsAutoReply(string? subject) =>
        subject is not null && (subject.TrimStart().StartsWith("Out of Office", StringComparison.OrdinalIgnoreCase)
            || subject.TrimStart().StartsWith("自动回复", StringComparison.Ordinal)
            || subject.TrimStart().StartsWith("自動回覆", StringComparison.Ordinal));
}
