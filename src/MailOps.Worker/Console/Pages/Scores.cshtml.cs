using MailOps.Compliance.Deadlines;
using Microsoft.AspNetCore.Mvc;
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
        var m = Period.TryParse(month, out var pm) && AssessmentWorkbook.IsMonth(pm) ? pm : Period.MonthOf(today);
        var q = Period.TryParse(quarter, out var pq) && AssessmentWorkbook.IsQuarter(pq) ? pq : Period.QuarterOf(today);
        View = ScoresPage.Of(context, m, q);
    }

    /// <summary>The 考核表 of a month or quarter (<c>?handler=Export&amp;period=2026-Q4</c>), as <c>mailops export</c> writes it.</summary>
    public IActionResult OnGetExport(string? period)
    {
        if (!Period.TryParse(period, out var p) || !(AssessmentWorkbook.IsMonth(p) || AssessmentWorkbook.IsQuarter(p)))
        {
            return BadRequest($"\"{period}\" is neither a month (2026-11) nor a quarter (2026-Q4).");
        }

        using var workbook = new MemoryStream();
        AssessmentWorkbook.Write(workbook, context.Regime, context.Assessment, context.Notifier, context.Judge(), p);
        return File(workbook.ToArray(), AssessmentWorkbook.ContentType, AssessmentWorkbook.FileName(p));
    }
}
