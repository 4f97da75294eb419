using System.Globalization;
using System.Text;

namespace MailOps.CorpusGenerator.Mime;

/// <summary>
/// Header values written by hand rather than by MimeKit, so that the charset label is exactly the one under
/// test (MimeKit would write GBK as "gb2312", since both are code page 936) and folding looks like Outlook's.
/// </summary>
internal static class HeaderText
{
    public const string Crlf = "\r\n";

    /// <summary>RFC 2047 B-encoded words in <paramref name="charset"/>, folded; a leading ASCII prefix ("RE: ") stays plain.</summary>
    public static string Encode(string text, string charset)
    {
        if (text.All(c => c is >= ' ' and < '\u007f'))
        {
            return text;
        }

        var plain = LeadingAsciiWords(text);
        var encoding = Charsets.Get(charset);
        var words = new List<string>();
        var chunk = new StringBuilder();
        var maxBytes = (75 - 7 - charset.Length) / 4 * 3;
        var elements = StringInfo.GetTextElementEnumerator(text[plain.Length..]);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (chunk.Length > 0 && encoding.GetByteCount(chunk + element) > maxBytes)
            {
                words.Add(Word(chunk.ToString(), charset, encoding));
                chunk.Clear();
            }

            chunk.Append(element);
        }

        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString(), charset, encoding));
        }

        return plain + string.Join(Crlf + " ", words);
    }

    /// <summary>A mailbox as <c>=?charset?B?...?= &lt;address&gt;</c>, or the bare address without a name.</summary>
    public static string Mailbox(Person person)
    {
        if (person.Name is null)
        {
            return person.Address;
        }

        var name = person.Name.All(c => c is >= ' ' and < '\u007f')
            ? "\"" + person.Name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : Encode(person.Name, person.Charset);
        return $"{name} <{person.Address}>";
    }

    public static string Mailboxes(IEnumerable<Person> people) => string.Join("," + Crlf + " ", people.Select(Mailbox));

    /// <summary>An RFC 5322 date: <c>Mon, 23 Nov 2026 20:40:12 +0800</c>.</summary>
    public static string Date(DateTimeOffset instant)
    {
        var offset = instant.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return instant.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }

    private static string Word(string text, string charset, Encoding encoding) =>
        $"=?{charset}?B?{Convert.ToBase64String(encoding.GetBytes(text))}?=";

    private static string LeadingAsciiWords(string text)
    {
        var end = 0;
        for (var i = 0; i < text.Length && text[i] < '\u007f'; i++)
        {
            if (text[i] == ' ')
            {
                end = i + 1;
            }
        }

        return text[..end];
    }
}

/// <summary>A named mailbox; <see cref="Charset"/> is the one its name is encoded in.</summary>
internal sealed record Person(string? Name, string Address, string Charset = "utf-8");

/// <summary>The encodings under test, by the label written into the message.</summary>
internal static class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding, failing on a character it cannot encode rather than writing a question mark.</summary>
    public static Encoding Get(string label) => label.ToLowerInvariant() switch
    {
        "utf-8" => new UTF8Encoding(false, throwOnInvalidBytes: true),
        var other => Encoding.GetEncoding(other, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
    };
}
