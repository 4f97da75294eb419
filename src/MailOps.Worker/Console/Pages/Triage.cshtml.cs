using Microsoft.AspNetCore.Mvc;

namespace MailOps.Worker.Web.Pages;

/// <summary>Triage: each held message, and what a reviewer does with it (count it as a report, accept it, dismiss it), each with a reason.</summary>
internal sealed class TriageModel(ConsoleContext context, ConsoleActions actions, ConsoleOptions options) : ActingPage(options)
{
    public IReadOnlyList<HeldMessage> Held { get; private set; } = [];

    public Compliance.Regime Regime => context.Regime;

    public void OnGet() => Held = HeldMessage.Now(context);

    public IActionResult OnPostPlace(string? message, string? report, string? unit, string? period, string? reason) =>
        Answer(actions.Place(message, report, unit, period, Author, reason), null);

    public IActionResult OnPostAccept(string? message, string? reason) => Answer(actions.Accept(message, Author, reason), null);

    public IActionResult OnPostDismiss(string? message, string? reason) => Answer(actions.Dismiss(message, Author, reason), "/triage");
}
