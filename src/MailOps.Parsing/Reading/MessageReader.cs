using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Text;
using MimeKit.Tnef;
using MimeKit.Utils;

namespace MailOps.Parsing.Reading;

/// <summary>
/// Reads a message with MimeKit: addresses, dates, bodies and attachments, looking inside Outlook's TNEF
/// (winmail.dat) and S/MIME signed content. Chinese charsets work because the code-pages provider is
/// registered and undeclared 8-bit header bytes are read as GB18030.
/// </summary>
internal static class MessageReader
{
    private static ParserOptions Options => MimeOptions.Default;

    public static MimeMessage Load(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return Unfinalized(MimeMessage.Load(Options, stream));
    }

    /// <summary>
    /// Takes a message's tree off the finalization queue. MimeKit gives messages, entities and their content
    /// finalizers, yet an object with a finalizer survives its first collection with all it references: every
    /// message read was promoted whole, and the collector's pauses took most of a bare load's time (BENCHMARKS.md).
    /// Skipping them loses nothing: a tree read from a byte array holds no unmanaged resource for a finalizer to
    /// free (and MimeKit 4's only call <c>Dispose(false)</c>, which returns at once). The tree cannot be disposed
    /// when the parse ends instead, because a <see cref="ReadMessage"/>'s bodies are decoded from it when first
    /// read, which may be later.
    /// </summary>
    private static MimeMessage Unfinalized(MimeMessage message)
    {
        var pending = new Stack<object>();
        pending.Push(message);
        while (pending.TryPop(out var next))
        {
#pragma warning disable CA1816 // Deliberately another's objects: their finalizers do nothing, as said above.
            GC.SuppressFinalize(next);
#pragma warning restore CA1816
            switch (next)
            {
                case MimeMessage { Body: { } body }:
                    pending.Push(body);
                    break;
                case Multipart multipart:
                    foreach (var child in multipart)
                    {
                        pending.Push(child);
                    }

                    break;
                case MessagePart { Message: { } inner }:
                    pending.Push(inner);
                    break;
                case MimePart { Content: { } content }:
                    pending.Push(content);
                    break;
            }
        }

        return message;
    }

    /// <summary>Counts MIME parts, stopping as soon as <paramref name="limit"/> is passed.</summary>
    public static bool HasMorePartsThan(MimeMessage message, int limit)
    {
        var count = 0;
        using var iterator = new MimeIterator(message);
        while (iterator.MoveNext())
        {
            if (++count > limit)
            {
                return true;
            }
        }

        return false;
    }

    public static ReadMessage Read(MimeMessage message, byte[] raw, DateTimeOffset? receivedAt, ParsingOptions options)
    {
        var content = Unwrap(message);
        var (received, source) = ReceivedInstant(message, receivedAt);
        var attachments = new List<AttachmentInfo>();
        MimePart? workbook = null;
        foreach (var part in content.Attachments)
        {
            if (part is not MimePart mime || part is ApplicationPkcs7Signature)
            {
                continue;
            }

            var name = mime.FileName;
            var size = ApproximateSize(mime);
            attachments.Add(new AttachmentInfo(name, mime.ContentType.MimeType, size));
            if (workbook is null && name is not null && name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && size <= options.MaxWorkbookBytes)
            {
                workbook = mime;
            }
        }

        var read = new ReadMessage
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? SyntheticId(raw) : $"<{message.MessageId}>",
            Subject = message.Subject,
            From = First(message.From),
            Sender = message.Sender is { } sender ? Info(sender) : null,
            ReplyTo = First(message.ReplyTo),
            To = [.. message.To.Mailboxes.Select(Info)],
            Cc = [.. message.Cc.Mailboxes.Select(Info)],
            Date = message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            Received = received,
            ReceivedFrom = source,
            Attachments = attachments,
        };

        // A body is decoded (BodyText) and a workbook unpacked only when a check asks for it; most messages are judged by
        // their headers alone.
        return read.WithContent(() => BodyText.Of(content, TextFormat.Plain), () => BodyText.Of(content, TextFormat.Html), () => workbook is null ? null : Decode(workbook, options.MaxWorkbookBytes));
    }

    /// <summary>The message whose bodies and attachments are the real content: inside TNEF or an opaque signature when needed.</summary>
    internal static MimeMessage Unwrap(MimeMessage message)
    {
        if (message.Body is ApplicationPkcs7Mime { SecureMimeType: SecureMimeType.SignedData } signed && SignedContent(signed) is { } entity)
        {
            message = Unfinalized(new MimeMessage(message.Headers.Where(h => !h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))) { Body = entity });
        }

        var tnef = message.BodyParts.OfType<TnefPart>().FirstOrDefault();
        if (tnef is null)
        {
            return message;
        }

        var converted = Unfinalized(tnef.ConvertToMessage());
        return BodyText.Part(message, TextFormat.Plain) is null && BodyText.Part(message, TextFormat.Html) is null ? converted : Unfinalized(Merge(message, converted));
    }

    // An outer message with its own body and a winmail.dat: keep the outer body, add the TNEF's attachments.
    private static MimeMessage Merge(MimeMessage outer, MimeMessage tnef)
    {
        var body = new Multipart("mixed");
        foreach (var part in outer.BodyParts.Where(p => p is not TnefPart))
        {
            body.Add(part);
        }

        foreach (var attachment in tnef.Attachments)
        {
            body.Add(attachment);
        }

        return new MimeMessage(outer.Headers.Where(h => !h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))) { Body = body };
    }

    // The signed content of an opaque S/MIME message, read without judging the signature (sender authenticity
    // is judged from the receiving server's headers), which spares a certificate-chain check per message.
    private static MimeEntity? SignedContent(ApplicationPkcs7Mime signed)
    {
        if (signed.Content is null)
        {
            return null;
        }

        using var encoded = new MemoryStream();
        signed.Content.DecodeTo(encoded);
        var cms = new SignedCms();
        cms.Decode(encoded.ToArray());
        using var inner = new MemoryStream(cms.ContentInfo.Content, writable: false);
        return MimeEntity.Load(Options, inner);
    }

    private static (DateTimeOffset?, ReceivedSource?) ReceivedInstant(MimeMessage message, DateTimeOffset? supplied)
    {
        if (supplied is { } given)
        {
            return (given, ReceivedSource.Supplied);
        }

        var newest = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Received);
        if (newest is not null)
        {
            var value = newest.Value;
            var semicolon = value.LastIndexOf(';');
            if (semicolon >= 0 && DateUtils.TryParse(value[(semicolon + 1)..].Trim(), out var when))
            {
                return (when, ReceivedSource.ReceivedHeader);
            }
        }

        return message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue
            ? (message.Date, ReceivedSource.DateHeader)
            : (null, null);
    }

    private static long ApproximateSize(MimePart part)
    {
        if (part.ContentDisposition?.Size is { } declared)
        {
            return declared;
        }

        var encoded = part.Content?.Stream?.Length ?? 0;
        return part.ContentTransferEncoding == ContentEncoding.Base64 ? encoded * 3 / 4 : encoded;
    }

    private static byte[]? Decode(MimePart part, long limit)
    {
        if (part.Content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        part.Content.DecodeTo(buffer);
        return buffer.Length <= limit ? buffer.ToArray() : null;
    }

    private static MailboxInfo? First(InternetAddressList list) => list.Mailboxes.Select(Info).FirstOrDefault();

    private static MailboxInfo Info(MailboxAddress mailbox)
    {
        var name = mailbox.Name?.Trim();
        return new((mailbox.Address ?? "").Trim().ToLowerInvariant(), string.IsNullOrEmpty(name) ? null : name);
    }

    /// <summary>An id for a message without a Message-ID, from a hash of its bytes.</summary>
    public static string SyntheticId(byte[] raw) => $"<sha256-{Convert.ToHexStringLower(SHA256.HashData(raw))}@mailops.invalid>";
}
