using System.Security.Cryptography;
using System.Text;
using MailOps.Parsing;
using MimeKit;

namespace MailOps.Worker.Notifications;

/// <summary>
/// Builds the MIME of a mail MailOps sends: from the watched mailbox, HTML with a plain-text alternative,
/// marked with <see cref="ParsingOptions.OwnMailHeader"/> (so that a copy landing in the inbox is never taken for
/// a report) and with a Message-ID derived from its idempotency key, so that a resend is recognizably the same mail.
/// </summary>
internal static class MailComposer
{
    public const string KeyHeader = "X-MailOps-Key";

    public static byte[] Compose(string from, string to, RenderedMail mail, string kind, string key, DateTimeOffset date)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = mail.Subject;
        message.Date = date;
        var domain = from[(from.LastIndexOf('@') + 1)..];
        message.MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}@{domain}";
        message.Headers.Add(ParsingOptions.OwnMailHeader, kind);
        message.Headers.Add(KeyHeader, key);
        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();

        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
