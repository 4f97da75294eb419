using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// Regular expressions for a mail flow rule's subject condition, one for each keyword of the catalog. Exchange matches
/// a rule's "subject includes any of these words" only where the word stands between spaces or punctuation, and a
/// Chinese subject has neither between its words (呼叫中心信息日报); a pattern matches anywhere. Each character also
/// matches what the parser folds to it: its traditional forms, its other case, its full-width form.
/// </summary>
internal static class SubjectPatterns
{
    /// <summary>
    /// The patterns for <paramref name="keywords"/>, in their order: each keyword folded as the parser folds it, and a
    /// keyword that holds another one left out, since the shorter one's pattern already matches every subject the longer
    /// one's would.
    /// </summary>
    public static IReadOnlyList<string> For(IEnumerable<string> keywords)
    {
        var folded = keywords.Select(Fold).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. folded
            .Where(k => !folded.Any(other => other.Length < k.Length && k.Contains(other, StringComparison.OrdinalIgnoreCase)))
            .Select(Of)];
    }

    /// <summary>The pattern of one folded keyword, such as <c>日[报報]</c> for 日报.</summary>
    public static string Of(string keyword)
    {
        var pattern = new StringBuilder();
        var space = false;
        foreach (var c in keyword)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                pattern.Append(@"\s+");
                space = false;
            }

            var forms = Forms(c);
            pattern.Append(forms.Length == 1 ? Regex.Escape(forms) : $"[{string.Concat(forms.Select(ClassMember))}]");
        }

        return pattern.ToString();
    }

    // As the parser's TextFold: Unicode NFKC, traditional to simplified, runs of white space as one space.
    private static string Fold(string keyword)
    {
        var simplified = new string([.. keyword.Normalize(NormalizationForm.FormKC).Select(ChineseScripts.Simplified)]);
        return string.Join(' ', simplified.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Forms(char c)
    {
        var forms = new List<char> { c };
        forms.AddRange(ChineseScripts.Traditional(c));
        if (char.IsLetter(c) && c < 0x80)
        {
            forms.Add(char.IsUpper(c) ? char.ToLower(c, CultureInfo.InvariantCulture) : char.ToUpper(c, CultureInfo.InvariantCulture));
        }

        // NFKC folds the full-width forms U+FF01-U+FF5E to ASCII; add them for every ASCII form listed so far.
        forms.AddRange(forms.Where(f => f is > ' ' and <= '~').Select(f => (char)(f - '!' + '\uFF01')).ToList());
        return new string([.. forms.Distinct()]);
    }

    private static string ClassMember(char c) => c is '\\' or ']' or '[' or '^' or '-' ? $"\\{c}" : c.ToString();
}
