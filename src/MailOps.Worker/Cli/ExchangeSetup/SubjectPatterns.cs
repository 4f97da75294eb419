using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// Regular expressions for a mail flow rule's subject condition, one for each keyword group of the catalog. Exchange
/// meets a rule's "subject includes any of these words" only where a word stands between spaces or punctuation, and a
/// Chinese subject has neither between its words (呼叫中心信息日报); a pattern matches anywhere. A group's pattern
/// holds every word of the group in any order, as the parser asks; each character also matches what the parser folds
/// to it: its traditional forms, its other case, its full-width form.
/// </summary>
internal static class SubjectPatterns
{
    /// <summary>Groups of more words than this are matched by their longest word alone (n words have n! orders).</summary>
    public const int MaxOrderedWords = 3;

    /// <summary>The patterns for <paramref name="groups"/>, in their order, each once.</summary>
    public static IReadOnlyList<string> For(IEnumerable<IReadOnlyList<string>> groups) =>
        [.. groups.Select(Group).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One group: <c>(A.*B|B.*A)</c> for 呼叫中心 + 日报, the word alone for a group of one. A subject the parser reads as
    /// the group always matches: when two words could share characters (one holds the other, or one ends as the other
    /// begins: 日报 + 报表 in 日报表), or the group is longer than <see cref="MaxOrderedWords"/>, the longest word alone
    /// stands for it, which copies more and misses nothing.
    /// </summary>
    public static string Group(IReadOnlyList<string> group)
    {
        var words = group.Select(Fold).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count == 0)
        {
            return "";
        }

        if (words.Count == 1 || words.Count > MaxOrderedWords || words.Any(a => words.Any(b => !ReferenceEquals(a, b) && Overlap(a, b))))
        {
            return Of(words.MaxBy(w => w.Length)!);
        }

        var orders = Orders(words).Select(order => string.Join(".*", order.Select(Of)));
        return $"({string.Join('|', orders)})";
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

    private static bool Overlap(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase)
        || Enumerable.Range(1, Math.Min(a.Length, b.Length) - 1).Any(n => a[^n..].Equals(b[..n], StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<List<string>> Orders(List<string> words) =>
        words.Count == 1
            ? [words]
            : words.SelectMany((first, i) => Orders([.. words.Where((_, j) => j != i)]).Select(rest => (List<string>)[first, .. rest]));

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
