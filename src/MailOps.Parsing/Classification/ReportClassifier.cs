using System.Text;
using System.Text.RegularExpressions;
using MailOps.Compliance.Catalog;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Classification;

/// <summary>
/// The report a subject names, by the catalog's keyword groups (and the words of its English name) and patterns,
/// less its excluded words. Words of Latin letters and digits match whole words only; Chinese words anywhere.
/// </summary>
internal sealed partial class ReportClassifier
{
    private readonly List<(ReportDefinition Report, string[][] Groups, Regex[] Patterns, string[] Excluded)> _reports;

    public ReportClassifier(ReportCatalog catalog) =>
        _reports = [.. catalog.Reports.Select(r => (
            r,
            r.Keywords.Select(g => g.Select(TextFold.Fold).ToArray()).Concat(EnglishName(r)).ToArray(),
            r.Patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))).ToArray(),
            r.ExcludeWords.Select(TextFold.Fold).ToArray()))];

    // The English name is one more keyword group of its words (Call Center Daily Report 2026-11-19). Without a
    // nameEn the catalog names the report by its id, which is no name.
    private static IEnumerable<string[]> EnglishName(ReportDefinition report)
    {
        var words = NameWord().Matches(TextFold.Fold(report.Name.En)).Select(m => m.Value).ToArray();
        return report.Name.En == report.Id || words.Length == 0 ? [] : [words];
    }

    /// <summary>
    /// The report whose best matching group is the most specific (most characters) among those
    /// <paramref name="admitted"/>; a tie is ambiguous; no match is none. A report one of whose excluded words
    /// the subject holds outside round brackets does not match: a bracketed aside annotates the report.
    /// </summary>
    public Classification Classify(string subject, Func<ReportDefinition, bool> admitted) => Score(subject).Among(admitted);

    /// <summary>How well the subject names each report it matches at all: scored once, then classified among any admitted set.</summary>
    public SubjectScores Score(string subject)
    {
        var scored = new List<(ReportDefinition Report, int Score)>();
        string? unbracketed = null;
        foreach (var (report, groups, patterns, excluded) in _reports)
        {
            var score = Score(subject, groups, patterns);
            if (score > 0 && !ContainsAny(unbracketed ??= OutsideBrackets(subject), excluded))
            {
                scored.Add((report, score));
            }
        }

        return new SubjectScores(scored);
    }

    /// <summary>The subject without its round-bracketed asides (（含节后工作安排）); tags in square brackets stay.</summary>
    private static string OutsideBrackets(string subject)
    {
        var text = new StringBuilder(subject.Length);
        var depth = 0;
        foreach (var c in subject)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (SubjectWords.Contains(text, word))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex NameWord();

    private static int Score(string subject, string[][] groups, Regex[] patterns)
    {
        var best = 0;
        foreach (var group in groups)
        {
            // A group matches when the subject holds all its words; its score is their length together.
            var length = 0;
            foreach (var word in group)
            {
                if (!SubjectWords.Contains(subject, word))
                {
                    length = 0;
                    break;
                }

                length += word.Length;
            }

            best = Math.Max(best, length);
        }

        foreach (var pattern in patterns)
        {
            try
            {
                var match = pattern.Match(subject);
                if (match.Success)
                {
                    best = Math.Max(best, match.Length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological subject against an administrator's pattern: no match rather than a stall.
            }
        }

        return best;
    }
}

/// <summary>The reports a subject matches, each with its score.</summary>
internal sealed class SubjectScores(List<(ReportDefinition Report, int Score)> scored)
{
    /// <summary>The best of the matched reports <paramref name="admitted"/>; see <see cref="ReportClassifier.Classify"/>.</summary>
    public Classification Among(Func<ReportDefinition, bool> admitted)
    {
        var best = 0;
        foreach (var (report, score) in scored)
        {
            if (score > best && admitted(report))
            {
                best = score;
            }
        }

        if (best == 0)
        {
            return new Classification(null, []);
        }

        var top = scored.Where(s => s.Score == best && admitted(s.Report)).Select(s => s.Report).ToList();
        return new Classification(top.Count == 1 ? top[0] : null, top);
    }
}

/// <summary>The report found (when exactly one), and every report tied for best.</summary>
internal sealed record Classification(ReportDefinition? Report, IReadOnlyList<ReportDefinition> Candidates)
{
    public bool IsAmbiguous => Report is null && Candidates.Count > 1;
}
