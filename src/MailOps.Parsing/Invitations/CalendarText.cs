using System.Text;
using MimeKit;

namespace MailOps.Parsing.Invitations;

/// <summary>
/// The text of a calendar part, decoded from its transfer encoding and its charset: the declared one (GB18030, GBK, ...),
/// else UTF-8 (RFC 5545's), else GB18030 for the Chinese webmails that send GB bytes without saying so.
/// </summary>
internal static class CalendarText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>False when the decoded part is larger than <paramref name="maxBytes"/>.</summary>
    public static bool TryDecode(MimePart part, int maxBytes, out string text)
    {
        text = "";
        if (part.Content is null)
        {
            return true;
        }

        var bytes = ReadAtMost(part.Content, maxBytes);
        if (bytes is null)
        {
            return false;
        }

        text = Decode(bytes, part.ContentType.Charset);
        return true;
    }

    public static string Decode(byte[] bytes, string? charset)
    {
        if (charset is not null && TryEncoding(charset) is { } declared)
        {
            return StripBom(declared.GetString(bytes));
        }

        try
        {
            return StripBom(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static byte[]? ReadAtMost(IMimeContent content, int maxBytes)
    {
        using var stream = content.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Encoding? TryEncoding(string charset)
    {
        try
        {
            // GB2312 mail is routinely GBK or GB18030 in fact; the superset reads all three.
            return charset.Trim().ToLowerInvariant() is "gb2312" or "gbk" or "x-gbk" or "cp936"
                ? Encoding.GetEncoding("GB18030")
                : Encoding.GetEncoding(charset.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
