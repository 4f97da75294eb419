using MailOps.Compliance.Deadlines;
using MailOps.Worker.Store;
using Microsoft.AspNetCore.Mvc;

namespace MailOps.Worker.Web.Pages;

/// <summary>Events: every event MailOps knows (the file, invitations, the calendar, people), with what each makes owed; declare and cancel.</summary>
internal sealed class EventsModel(ConsoleContext context, ConsoleActions actions, ConsoleOptions options) : ActingPage(options)
{
    public IReadOnlyList<(StoredEvent Event, IReadOnlyList<Obligation> Owed)> Rows { get; private set; } = [];

    public Compliance.Regime Regime => context.Regime;

    public void OnGet()
    {
        var notifier = context.Notifier;
        Rows = [.. context.Store.Events().OrderByDescending(e => e.Start).Select(e => (e, notifier.Owed(e)))];
    }

    public IActionResult OnPostDeclare(string? kind, string? unit, DateTime? start, DateTime? end, string? project, string? note) =>
        Answer(actions.DeclareEvent(kind, unit, start, end, project, note, Author), "/events");

    public IActionResult OnPostCancel(string? id, string? reason) => Answer(actions.CancelEvent(id, Author, reason), "/events");
}
