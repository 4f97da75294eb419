using MailOps.Compliance.Deadlines;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MailOps.Worker.Web.Pages;

/// <summary>Scores: <c>?month=2026-11&amp;quarter=2026-Q4</c>, this month and quarter by default.</summary>
internal sealed class ScoresModel(ConsoleContext context) : PageModel
{
    public ScoresPage View { get; private set; } = null!;

    public Compliance.Regime Regime => context.Regime;

    public void OnGet(string? month, string? quarter)
    {
        var today = context.Regime.Zone.DateOf(context.Time.GetUtcNow());
        var m = Period.TryParse(month, out var pm) && pm.Id.Length == 7 ? pm : Period.MonthOf(today);
        var q = Period.TryParse(quarter, out var pq) && pq.Id.Contains('Q', StringComparison.Ordinal) ? pq : Period.QuarterOf(today);
        View = ScoresPage.Of(context, m, q);
    }
}
