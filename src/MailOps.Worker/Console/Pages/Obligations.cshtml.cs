using MailOps.Compliance.Evaluation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MailOps.Worker.Web.Pages;

/// <summary>The obligations behind a matrix cell that holds several: one unit's report over a window (dates inclusive).</summary>
internal sealed class ObligationsModel(ConsoleContext context) : PageModel
{
    public IReadOnlyList<ObligationResult> Results { get; private set; } = [];

    public Compliance.Regime Regime => context.Regime;

    public string Unit { get; private set; } = "";

    public string Report { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public void OnGet(string? unit, string? report, DateOnly? from, DateOnly? to)
    {
        var today = context.Regime.Zone.DateOf(context.Time.GetUtcNow());
        (Unit, Report, From, To) = (unit ?? "", report ?? "", from ?? today, to ?? today);
        Results =
        [
            .. context.Judge().Results
                .Where(r => (unit is null || r.Obligation.UnitId == unit) && (report is null || r.Obligation.ReportId == report))
                .Where(r => context.Regime.Zone.DateOf(r.Obligation.Due) is var d && d >= From && d <= To)
                .OrderBy(r => r.Obligation.Due),
        ];
    }
}
