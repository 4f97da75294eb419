using System.Globalization;
using System.Text;

namespace MailOps.Worker.Notifications;

/// <summary>
/// How a value that came from a mail (a subject, a sender, a parser's reason) is shown in the mail MailOps sends:
/// on one line, without the invisible characters that change how the text around them reads, and no longer than
/// its field allows, cut between user-perceived characters and marked with <see cref="Ellipsis"/>. Only what the
/// sent mail shows is cleaned; the store keeps every value as it came.
/// </summary>
/// <remarks>
/// Bidi controls are removed rather than isolated: an override inside an isolate still reverses the text inside
/// it (a subject ending "report&#x202E;fdp.exe" still reads "reportexe.pdf"), while right-to-left scripts lay out
/// correctly without any control. Zero-width joiner and non-joiner stay: emoji sequences and several scripts
/// need them to draw the right glyphs.
/// </remarks>
internal static class ShownText
{
    /// <summary>Longest subject shown, in user-perceived characters (grapheme clusters), the ellipsis included.</summary>
    public const int Subject = 120;

    /// <summary>Longest sender (display name and address) shown.</summary>
    public const int Sender = 100;

    /// <summary>Longest reason or finding detail shown.</summary>
    public const int Detail = 300;

    /// <summary>Longest Message-ID shown.</summary>
    public const int MessageId = 120;

    public const string Ellipsis = "…";

    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>The value cleaned by <see cref="Clean"/>, then shortened to <paramref name="limit"/> by <see cref="Shorten"/>.</summary>
    public static string Of(string? value, int limit) => Shorten(Clean(value ?? ""), limit);

    /// <summary>
    /// Drops format characters (bidi embeddings, overrides, isolates and marks, the Arabic letter mark, zero-width
    /// spaces, the byte order mark, soft hyphens, tag characters) and control characters, folding line breaks, tabs
    /// and other controls into single spaces, and replaces a lone surrogate with U+FFFD.
    /// </summary>
    public static string Clean(string value)
    {
        var shown = new StringBuilder(value.Length);
        var space = false;
        foreach (var rune in value.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Format when rune.Value is not (ZeroWidthJoiner or ZeroWidthNonJoiner):
                    continue;
                case UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    space = true;
                    continue;
                case UnicodeCategory.SpaceSeparator when rune.Value == ' ':
                    space = true;
                    continue;
            }

            if (space && shown.Length > 0)
            {
                shown.Append(' ');
            }

            space = false;
            shown.Append(rune.ToString());
        }

        return shown.ToString();
    }

    /// <summary>
    /// The value as it is when it has at most <paramref name="limit"/> grapheme clusters; otherwise its first
    /// <paramref name="limit"/> - 1 clusters and <see cref="Ellipsis"/>, so a surrogate pair, an emoji sequence or a
    /// letter with its combining marks is never split.
    /// </summary>
    public static string Shorten(string value, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var end = 0;
        var kept = 0;
        for (var count = 0; end < value.Length; count++)
        {
            if (count == limit - 1)
            {
                kept = end;
            }
            else if (count == limit)
            {
                return string.Concat(value.AsSpan(0, kept).TrimEnd(), Ellipsis);
            }

            end += StringInfo.GetNextTextElementLength(value, end);
        }

        return value;
    }
}
