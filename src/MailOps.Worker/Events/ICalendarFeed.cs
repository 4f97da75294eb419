using MailOps.Compliance.Events;

namespace MailOps.Worker.Events;

/// <summary>
/// A shared calendar read as changes, page by page, within a window of days around now: what changed (each event
/// instance as a <see cref="CalendarItem"/>), what was removed, and the cursor to go on from. The caller keeps the
/// cursor under <see cref="CursorKey"/> (the store's <c>Cursor</c>/<c>SaveCursor</c>), saving a page's cursor only
/// after it has stored the page, so that a killed pass reads the page again and never half counts it.
/// </summary>
internal interface ICalendarFeed
{
    /// <summary>Where the caller keeps this feed's cursor, such as <c>GraphCalendar:events@hq.example.com</c>.</summary>
    string CursorKey { get; }

    /// <summary>
    /// The next page after <paramref name="cursor"/> (null: a full read of the window from the start). Read until
    /// <see cref="CalendarPage.IsLast"/>; the last page's cursor then gives only later changes.
    /// </summary>
    /// <exception cref="Mailboxes.MailboxAccessException">The calendar refuses MailOps or does not exist: the message says what to grant or correct.</exception>
    /// <exception cref="Mailboxes.MailboxUnavailableException">Graph could not be read this time; the same cursor can be tried again.</exception>
    Task<CalendarPage> ReadAsync(string? cursor, CancellationToken cancellationToken);
}

/// <summary>One page of a calendar's changes.</summary>
/// <param name="Changed">Event instances added or changed, cancelled ones included (<see cref="CalendarFeedItem.Cancelled"/>).</param>
/// <param name="RemovedIds">Item ids (<see cref="CalendarFeedItem.ItemId"/>) deleted from the calendar or moved out of the window.</param>
/// <param name="Cursor">Where the next read starts; save it with what the page stored.</param>
/// <param name="IsLast">True when the feed has caught up: the cursor then waits for later changes.</param>
/// <param name="Restarted">
/// This page begins a full read of <paramref name="Window"/>: no cursor was given, Graph had forgotten the one
/// given (410 <c>SyncStateNotFound</c>), or the window moved on (once a day). The pages of this round, up to
/// <see cref="IsLast"/>, list every item in the window again; an item the caller holds inside the window that the
/// round does not list is gone.
/// </param>
/// <param name="Window">The window the page was read in.</param>
internal sealed record CalendarPage(
    IReadOnlyList<CalendarFeedItem> Changed,
    IReadOnlyList<string> RemovedIds,
    string Cursor,
    bool IsLast,
    bool Restarted,
    CalendarWindow Window);

/// <summary>One event instance as the calendar holds it.</summary>
/// <param name="ItemId">The calendar's immutable id of this instance (an occurrence has its own), as <see cref="CalendarPage.RemovedIds"/> names it.</param>
/// <param name="Item">The instance, named as the iCalendar path names it: the series' UID and, for an occurrence, its first-scheduled start.</param>
/// <param name="Cancelled">Cancelled by its organizer but still on the calendar.</param>
internal sealed record CalendarFeedItem(string ItemId, CalendarItem Item, bool Cancelled);

/// <summary>The instants a calendar is read between: <see cref="Start"/> inclusive, <see cref="End"/> exclusive, each a midnight in the regime zone.</summary>
internal sealed record CalendarWindow(DateTimeOffset Start, DateTimeOffset End);
