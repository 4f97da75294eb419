using MailOps.Compliance.Events;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Events;

/// <summary>What one pass over the shared calendar changed.</summary>
internal sealed record CalendarSyncCounts(int Pages, int Changed, int Unplaced, int Gone);

/// <summary>
/// Reads the shared calendar's changes (<see cref="ICalendarFeed"/>) into the store's events, page by page, each page's
/// events and its cursor saved together so a restart re-reads at most the page in hand (and re-reading changes
/// nothing). An item is recognised by the same event rules as an invitation, and named the same way (its series'
/// iCalendar UID and original start), so an invitation and the calendar entry it made are one event. A removed or
/// cancelled item cancels its event; a full round (a first read, a forgotten link, the window moving on) cancels the
/// calendar's events inside the window that it no longer lists.
/// </summary>
internal sealed partial class CalendarSync(ICalendarFeed feed, ILogger logger)
{
    private const string Author = "calendar";

    /// <exception cref="MailboxAccessException">The calendar refuses MailOps: the administrator must grant Calendars.Read.</exception>
    /// <exception cref="MailboxUnavailableException">The calendar could not be read now; the next beat tries again.</exception>
    public async Task<CalendarSyncCounts> SyncAsync(MailStore store, InvitationEvents reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (pages, changed, unplaced, gone) = (0, 0, 0, 0);
        HashSet<string>? round = null;
        CalendarPage page;
        do
        {
            page = await feed.ReadAsync(store.Cursor(feed.CursorKey), cancellationToken).ConfigureAwait(false);
            pages++;
            if (page.Restarted)
            {
                round = new HashSet<string>(StringComparer.Ordinal);
            }

            var held = store.Events().Where(e => e.Source == EventSource.Calendar).ToList();
            var declarations = new List<EventDeclaration>();
            var cancellations = new List<EventCancellation>();
            foreach (var item in page.Changed)
            {
                var id = EventIds.Of(item.Item, reader.Regime.Zone);
                round?.Add(id);
                if (item.Cancelled)
                {
                    cancellations.Add(new EventCancellation(id, EventSource.Calendar, item.ItemId, Author, "日历中已取消 / cancelled in the calendar"));
                    continue;
                }

                switch (reader.Recognize(item.Item))
                {
                    case EventRecognition.Recognised recognised:
                        var learnt = store.Event(id)?.LearntAt ?? now;
                        declarations.Add(new EventDeclaration(recognised.Event with { LearntAt = learnt }, EventSource.Calendar, item.ItemId, Author));
                        break;
                    case EventRecognition.Unplaceable unplaceable:
                        unplaced++;
                        LogUnplaced(logger, item.Item.Summary, item.ItemId, unplaceable.Detail.En);
                        break;
                }
            }

            var removed = page.RemovedIds.ToHashSet(StringComparer.Ordinal);
            cancellations.AddRange(held.Where(e => !e.IsCancelled && removed.Contains(e.SourceRef))
                .Select(e => new EventCancellation(e.Id, EventSource.Calendar, e.SourceRef, Author, "已从日历中删除 / removed from the calendar")));
            if (page.IsLast && round is not null)
            {
                // A whole round seen: what the calendar held in the window and no longer lists is gone.
                cancellations.AddRange(held.Where(e => !e.IsCancelled && !round.Contains(e.Id) && e.Start >= page.Window.Start && e.Start < page.Window.End)
                    .Select(e => new EventCancellation(e.Id, EventSource.Calendar, e.SourceRef, Author, "日历中已不存在 / no longer in the calendar")));
            }

            var changes = store.ApplyEvents(declarations, cancellations);
            changed += changes.Count(c => c is not (EventChangeKind.Unchanged or EventChangeKind.Cancelled));
            gone += changes.Count(c => c == EventChangeKind.Cancelled);
            store.SaveCursor(feed.CursorKey, page.Cursor);
        }
        while (!page.IsLast && !cancellationToken.IsCancellationRequested);

        return new CalendarSyncCounts(pages, changed, unplaced, gone);
    }

    [LoggerMessage(40, LogLevel.Information, "Calendar item \"{Summary}\" ({ItemId}) reads like an event but cannot be placed: {Detail}; declare it with 'mailops events add' or give it a unit's category")]
    private static partial void LogUnplaced(ILogger logger, string summary, string itemId, string detail);
}
