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

        var normalized = ChineseScript.ToSimplified(IsNormalStable(text) ? text : text.Normalize(NormalizationForm.FormKC));
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

    // Printable ASCII and the CJK Unified Ideographs have no compatibility decomposition, and no combining mark can
    // follow them here, so NFKC leaves a text of only those as it is: most cells and subjects, folded without ICU.
    private static bool IsNormalStable(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= ' ' and <= '~') or (>= '\u4E00' and <= '\u9FFF')))
            {
                return false;
            }
        }

        return true;
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
