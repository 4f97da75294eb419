using System.Globalization;
using System.Text;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Scoring;
using Microsoft.AspNetCore.Html;

namespace MailOps.Worker.Web;

/// <summary>
/// The Scores page, judged now: a month's and a quarter's score per unit with rank (the quarter's as the quarterly
/// assessment ranks it: mean of its months, the best unit starred, units below the threshold three months running
/// watched), and each unit's last twelve months as a small SVG line. A month outside what is judged (before
/// <c>MailOps:Assessment:Since</c>, or older than the assessor's two quarters back, or not begun) has no point.
/// </summary>
internal sealed record ScoresPage(
    Period Month,
    IReadOnlyList<(int Rank, ScoreCard Card)> MonthScores,
    QuarterlyAssessment Quarter,
    IReadOnlyList<Period> Twelve,
    IReadOnlyDictionary<string, IReadOnlyList<int?>> Trend,
    int Threshold)
{
    public static ScoresPage Of(ConsoleContext context, Period month, Period quarter)
    {
        var snapshot = context.Judge();
        var regime = context.Regime;
        var policy = context.Assessment.Scoring;
        var units = regime.Directory.AssessedUnits.Select(u => u.Id).ToList();
        var calculator = new ScoreCalculator(regime.Zone, policy);
        // One ledger for the month and the twelve: it sums each unit's results once, not once for every month scored.
        var ledger = calculator.Ledger(snapshot.Results, snapshot.Entries);
        var cards = ledger.ScoreAll(units, month).OrderByDescending(c => c.Score).ThenBy(c => c.UnitId, StringComparer.Ordinal).ToList();
        var ranked = cards.Select(c => (Rank: cards.FindIndex(o => o.Score == c.Score) + 1, Card: c)).ToList();

        var today = regime.Zone.DateOf(snapshot.AsOf);
        var (from, _) = context.Assessor.Range(snapshot.AsOf);
        var twelve = Enumerable.Range(-11, 12).Select(i => Period.MonthOf(today.AddMonths(i))).ToList();
        var judged = twelve.ToDictionary(m => m.Id, m => m.Start >= Period.MonthOf(from).Start && m.Start <= today && (context.Assessment.Since is not { } since || m.End >= since));
        var byMonth = twelve.Where(m => judged[m.Id]).ToDictionary(m => m.Id, m => ledger.ScoreAll(units, m).ToDictionary(c => c.UnitId, c => c.Score));
        var trend = units.ToDictionary(u => u, u => (IReadOnlyList<int?>)[.. twelve.Select(m => byMonth.TryGetValue(m.Id, out var s) ? s[u] : (int?)null)]);
        return new ScoresPage(month, ranked, context.Notifier.Quarterly(quarter, snapshot), twelve, trend, policy.WatchThreshold);
    }

    /// <summary>A unit's twelve months, 0 to 100 bottom to top, the threshold dashed; presentation attributes only, no style.</summary>
    public IHtmlContent Chart(string unitId, LocalizedText unitName)
    {
        const int Width = 160, Height = 40;
        var points = Trend[unitId];
        double X(int i) => 4 + i * (Width - 8) / 11.0;
        double Y(int score) => 2 + (100 - Math.Clamp(score, 0, 100)) * (Height - 4) / 100.0;
        var svg = new StringBuilder();
        var label = System.Net.WebUtility.HtmlEncode($"{unitName.Zh} {string.Join(" ", points.Select(p => p?.ToString(CultureInfo.InvariantCulture) ?? "–"))}");
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" x1=\"0\" x2=\"{Width}\" y1=\"{Y(Threshold):0.#}\" y2=\"{Y(Threshold):0.#}\"/>");

        // A gap in what is judged breaks the line, rather than joining across months with no score.
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', run)}\"/>");
            }

            run.Clear();
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is { } score)
            {
                run.Add(string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(score):0.#}"));
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(score):0.#}\" r=\"1.8\"/>");
            }
            else
            {
                Flush();
            }
        }

        Flush();
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
