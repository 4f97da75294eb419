using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MailOps.Worker.Web.Pages;

/// <summary>Today: the digest's matrices judged now, each cell a link to its obligation.</summary>
internal sealed class IndexModel(ConsoleContext context) : PageModel
{
    public IReadOnlyList<TodayMatrix> Matrices { get; private set; } = [];

    public string AsOf { get; private set; } = "";

    public int Waiting { get; private set; }

    public void OnGet()
    {
        var snapshot = context.Judge();
        var dismissed = context.Store.Dismissals().Select(d => d.MessageId).ToHashSet(StringComparer.Ordinal);
        Matrices = TodayMatrix.Of(context, snapshot);
        AsOf = Say.Local(context.Regime, snapshot.AsOf);
        Waiting = snapshot.Triage.Concat(snapshot.Unauthenticated).Count(t => !dismissed.Contains(t.MessageId));
    }
}
