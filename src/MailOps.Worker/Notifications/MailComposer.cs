using MailOps.Parsing;
using MailOps.Parsing.Threading;
using MimeKit;

namespace MailOps.Worker.Notifications;

/// <summary>What a mail MailOps sends is: its kind, its idempotency key, and the obligation a nudge or an overdue notice is about.</summary>
internal sealed record MailIdentity(string Kind, string Key, string? ObligationKey = null);

/// <summary>A file a mail carries: the monthly and quarterly mails' 考核表.</summary>
internal sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Builds the MIME of a mail MailOps sends: from the watched mailbox under its display name, HTML with a plain-text
/// alternative, marked with <see cref="ParsingOptions.OwnMailHeader"/> (so that a copy landing in the inbox is never
/// taken for a report) and as automatic (<c>Auto-Submitted: auto-generated</c>, RFC 3834, and Exchange's
/// <c>X-Auto-Response-Suppress: All</c>, so that out-of-office replies do not come back), with a Message-ID of
/// <see cref="OwnMessageId"/>'s scheme: the same for a resend, and naming the obligation, so that a reply to a notice
/// is known as one. An attachment's name is written as RFC 2231 parameters (<c>filename*=utf-8''…</c>) on both the
/// Content-Disposition and the Content-Type, so that Outlook shows a Chinese name as it is.
/// </summary>
internal static class MailComposer
{
    public const string KeyHeader = "X-MailOps-Key";

    public static byte[] Compose(MailboxAddress from, string to, RenderedMail mail, MailIdentity identity, DateTimeOffset date, IReadOnlyList<MailAttachment>? attachments = null)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = mail.Subject;
        message.Date = date;
        message.MessageId = OwnMessageId.Create(identity.Kind, identity.Key, identity.ObligationKey, from.Domain);
        message.Headers.Add(ParsingOptions.OwnMailHeader, identity.Kind);
        message.Headers.Add(KeyHeader, identity.Key);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        var body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text };
        foreach (var attachment in attachments ?? [])
        {
            var disposition = new ContentDisposition(ContentDisposition.Attachment);
            var part = new MimePart(ContentType.Parse(attachment.ContentType))
            {
                Content = new MimeContent(new MemoryStream(attachment.Content)),
                ContentDisposition = disposition,
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            };
            foreach (var parameter in disposition.Parameters.Concat(part.ContentType.Parameters))
            {
                parameter.EncodingMethod = ParameterEncodingMethod.Rfc2231;
            }

            body.Attachments.Add(part);
        }

        message.Body = body.ToMessageBody();

        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
