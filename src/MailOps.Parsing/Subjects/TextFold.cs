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

        var normalized = ChineseScript.ToSimplified(text.Normalize(NormalizationForm.FormKC));
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
}
