using MailOps.Compliance.Evaluation;
using MailOps.Worker.Store;
using Microsoft.AspNetCore.Mvc;

namespace MailOps.Worker.Web.Pages;

/// <summary>Judgements: wrong, concealed, additional penalty, and withdrawal, each with its reason, and every one recorded.</summary>
internal sealed class JudgementsModel(ConsoleContext context, ConsoleActions actions, ConsoleOptions options) : ActingPage(options)
{
    public IReadOnlyList<StoredManualEntry> Entries { get; private set; } = [];

    public Compliance.Regime Regime => context.Regime;

    public ScoringPolicy Points => context.Assessment.Scoring;

    public void OnGet() => Entries = [.. context.Store.AllManualEntries().OrderByDescending(e => e.Id)];

    public IActionResult OnPostJudge(string? kind, string? obligation, string? reason, string? back) =>
        ManualEntryKinds.TryParse(kind, out var judged) && judged != ManualEntryKind.AdditionalPenalty
            ? Answer(actions.Judge(judged, obligation, Author, reason), back)
            : Answer(ActionAnswer.Refused(new Compliance.Common.LocalizedText($"“{kind}”不是错报或瞒报", $"\"{kind}\" is neither wrong nor concealed")), back);

    public IActionResult OnPostPenalty(string? unit, int points, DateOnly? date, string? reason) =>
        Answer(actions.Penalty(unit, points, date, Author, reason), "/judgements");

    public IActionResult OnPostRevoke(int entry, string? reason, string? back) => Answer(actions.Revoke(entry, Author, reason), back);
}
