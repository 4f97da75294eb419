using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// Regular expressions for a mail flow rule's subject condition, one for each keyword group of the catalog. Exchange
/// meets a rule's "subject includes any of these words" only where a word stands between spaces or punctuation, and a
/// Chinese subject has neither between its words (呼叫中心信息日报); a pattern matches anywhere. A group's pattern
/// holds every word of the group in any order, as the parser asks; each character also matches what the parser folds
/// to it: its traditional forms, and both cases of a Latin letter.
/// </summary>
internal static class SubjectPatterns
{
    /// <summary>
    /// A group of more words than this is matched by its this many longest (n words have n! orders; a subject holding
    /// all of a group's words holds these too).
    /// </summary>
    public const int MaxOrderedWords = 2;

    /// <summary>The patterns for <paramref name="groups"/>, in their order, each once.</summary>
    public static IReadOnlyList<string> For(IEnumerable<IReadOnlyList<string>> groups) =>
        [.. groups.Select(Group).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One group: <c>(A.*B|B.*A)</c> for 呼叫中心 + 日报, the word alone for a group of one. A subject the parser reads as
    /// the group always matches: a longer group stands by its <see cref="MaxOrderedWords"/> longest words, and when two
    /// words could share characters (one holds the other, or one ends as the other begins: 日报 + 报表 in 日报表) the
    /// longest word alone stands for the group. Either copies more and misses nothing.
    /// </summary>
    public static string Group(IReadOnlyList<string> group)
    {
        var words = group.Select(Fold).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count == 0)
        {
            return "";
        }

        words = [.. words.OrderByDescending(w => w.Length).Take(MaxOrderedWords).OrderBy(words.IndexOf)];
        if (words.Count == 1 || words.Any(a => words.Any(b => !ReferenceEquals(a, b) && Overlap(a, b))))
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
        // The parser ignores case; a rule's pattern need not, so both cases are spelled out. (Full-width Latin letters,
        // which the parser folds too, are left out: English subjects do not use them, and each doubles a class.)
        if (char.IsAsciiLetter(c))
        {
            forms.Add(char.IsUpper(c) ? char.ToLower(c, CultureInfo.InvariantCulture) : char.ToUpper(c, CultureInfo.InvariantCulture));
        }

        return new string([.. forms.Distinct()]);
    }

    private static string ClassMember(char c) => c is '\\' or ']' or '[' or '^' or '-' ? $"\\{c}" : c.ToString();
}
