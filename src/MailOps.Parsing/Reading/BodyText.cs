using System.Text;
using MimeKit;
using MimeKit.Text;

namespace MailOps.Parsing.Reading;

/// <summary>
/// A message's text or HTML body, as <see cref="MimeMessage.TextBody"/> and <see cref="MimeMessage.HtmlBody"/> give it:
/// the same part, the same charset (declared, else a byte-order mark, else an HTML meta tag, else UTF-8 and, if that
/// fails, Latin-1), format=flowed undone, and CRLF as LF. MimeKit converts the decoded bytes to UTF-8 through a chain of
/// stream filters before it makes the string; this decodes the bytes once into a buffer of the part's size and makes
/// the string straight from them (on the golden corpus 2.1 MB less allocated per pass, BENCHMARKS.md).
/// </summary>
internal static class BodyText
{
    private static readonly Encoding StrictUtf8 = Encoding.GetEncoding(65001, new EncoderExceptionFallback(), new DecoderExceptionFallback());

    /// <summary>The part MimeKit takes for the body of <paramref name="format"/>, or null: none is decoded.</summary>
    public static TextPart? Part(MimeMessage message, TextFormat format) => message.Body switch
    {
        Multipart multipart => multipart.TryGetValue(format, out var body) ? body : null,
        TextPart text when IsFormat(text, format) && !text.IsAttachment => text,
        _ => null,
    };

    // Only the two formats MailOps reads.
    private static bool IsFormat(TextPart text, TextFormat format) => format switch
    {
        TextFormat.Plain => text.IsPlain,
        TextFormat.Html => text.IsHtml,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "only the plain and HTML bodies are read"),
    };

    /// <summary>The body of <paramref name="format"/> decoded, or null when the message has none.</summary>
    public static string? Of(MimeMessage message, TextFormat format) => Part(message, format) is { } part ? Text(part) : null;

    private static string Text(TextPart part)
    {
        if (!part.IsFlowed)
        {
            return Decode(part);
        }

        var flowed = new FlowedToText
        {
            DeleteSpace = part.ContentType.Parameters.TryGetValue("delsp", out string? delsp) && string.Equals(delsp, "yes", StringComparison.OrdinalIgnoreCase),
        };
        return flowed.Convert(Decode(part));
    }

    private static string Decode(TextPart part)
    {
        if (FormatOptions.Default.NewLineFormat != NewLineFormat.Unix)
        {
            // Where MimeKit writes CRLF its own conversion is kept; this one mirrors its LF.
            return part.Text;
        }

        if (part.Content is null)
        {
            return string.Empty;
        }

        if (!part.TryDetectEncoding(out var encoding, out _))
        {
            encoding = StrictUtf8;
        }

        // A part never decodes to more bytes than it is encoded in.
        var encoded = part.Content.Stream is { CanSeek: true } stream ? stream.Length : 0;
        using var decoded = new MemoryStream((int)Math.Clamp(encoded, 0, Array.MaxLength));
        part.Content.DecodeTo(decoded);
        var (buffer, length) = (decoded.GetBuffer(), (int)decoded.Length);
        string text;
        try
        {
            text = Unflushed(encoding, buffer, length);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(buffer, 0, length);
        }

        return LineFeeds(text);
    }

    // MimeKit's charset filter never flushes its decoder: bytes that end the part in the middle of a character are
    // dropped, not replaced (or, in strict UTF-8, taken for Latin-1).
    private static string Unflushed(Encoding encoding, byte[] buffer, int length)
    {
        var decoder = encoding.GetDecoder();
        var count = decoder.GetCharCount(buffer, 0, length, flush: false);
        return string.Create(count, (decoder, buffer, length), static (chars, state) =>
            state.decoder.GetChars(state.buffer.AsSpan(0, state.length), chars, flush: false));
    }

    // MimeKit's Dos2Unix: a CR before an LF is dropped, and so is one that ends the text.
    private static string LineFeeds(string text)
    {
        var unix = text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        return unix.EndsWith('\r') ? unix[..^1] : unix;
    }
}
