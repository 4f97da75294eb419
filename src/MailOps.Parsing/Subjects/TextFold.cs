using System.Text;

namespace MailOps.Parsing.Subjects;

/// <summary>
/// One way of comparing Chinese office text: Unicode NFKC (full-width letters, digits and punctuation to
/// half-width), traditional to simplified characters, 【】〖〗〔〕 as [], and runs of white space as one space.
/// </summary>
internal static class TextFold
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = ChineseScript.ToSimplified(Narrowed(text) ?? text.Normalize(NormalizationForm.FormKC));
        if (IsFolded(normalized))
        {
            return normalized;
        }

        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c switch
            {
                '【' or '〖' or '〔' => '[',
                '】' or '〗' or '〕' => ']',
                _ => c,
            });
        }

        return builder.ToString();
    }

    // NFKC without ICU for the characters office text is mostly made of (a CPU sample put ICU's normalization at 12% of
    // the parser's time, nearly all of it on table cells holding a full-width comma or a line break); null when the
    // text holds any other character, which ICU then normalizes.
    private static string? Narrowed(string text)
    {
        var changed = false;
        foreach (var c in text)
        {
            if (!TryNarrow(c, out var narrow))
            {
                return null;
            }

            changed |= narrow != c;
        }

        return changed ? string.Create(text.Length, text, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                TryNarrow(text[i], out span[i]);
            }
        }) : text;
    }

    /// <summary>
    /// What NFKC makes of a character that needs no table to normalize, and that no neighbour among such characters
    /// composes with (the tests check both against ICU for every one): printable ASCII, tab and line breaks, the CJK
    /// Unified Ideographs, CJK punctuation and brackets, the common typographic quotes and dashes, and the full-width
    /// ASCII forms, which NFKC makes half-width; the no-break and ideographic spaces become a space.
    /// </summary>
    internal static bool TryNarrow(char c, out char narrow)
    {
        narrow = c switch
        {
            '\u00A0' or '\u3000' => ' ',
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            _ => c,
        };
        return c is (>= ' ' and <= '~') or '\t' or '\n' or '\r' or '\u00A0' or '\u00B7' or '\u3000' or '\u3001' or '\u3002'
            or (>= '\u3008' and <= '\u3011') or (>= '\u2013' and <= '\u2014') or (>= '\u2018' and <= '\u2019') or (>= '\u201C' and <= '\u201D')
            or (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF01' and <= '\uFF5E');
    }

    // Nothing to fold: no white space but single spaces between words, and no bracket to replace.
    private static bool IsFolded(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '【' or '〖' or '〔' or '】' or '〗' or '〕' or '\u200B'
                || (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' ')))
            {
                return false;
            }
        }

        return true;
    }
}
