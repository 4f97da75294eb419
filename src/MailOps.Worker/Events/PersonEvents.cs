using System.Globalization;
using MailOps.Compliance.Events;
using MailOps.Worker.Running;
using MailOps.Worker.Store;

namespace MailOps.Worker.Events;

/// <summary>Events a person declares or cancels (<c>mailops events</c>, the console), through the store like every source.</summary>
internal static class PersonEvents
{
    /// <summary>Declares the event under its id, or the id with <c>-2</c>, <c>-3</c> ... when a different event holds it.</summary>
    public static StoredEvent Declare(MailStore store, EventRequest request, string author)
    {
        var id = request.Id;
        for (var n = 2; store.Event(id) is { } held && !Same(held, request); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{request.Id}-{n}");
        }

        var e = new ProjectEvent(id, request.Unit, request.Project, request.Kind, request.Start, request.End, request.Note, request.LearntAt);
        store.ApplyEvents([new EventDeclaration(e, EventSource.Person, author, author)], []);
        return store.Event(id)!;
    }

    /// <exception cref="StoreException">No event has the id (the message names the nearest).</exception>
    public static StoredEvent Cancel(MailStore store, string id, string author, string reason)
    {
        var held = store.Event(id);
        if (held is null)
        {
            var ids = store.Events().Select(e => e.Id).ToList();
            var nearest = ids.OrderBy(known => Hosting.EditDistance.Between(known, id)).Take(3).ToList();
            throw new StoreException(ids.Count == 0
                ? $"there is no event \"{id}\": MailOps knows no events yet."
                : $"there is no event \"{id}\"; did you mean {string.Join(", ", nearest)}? ('mailops events list' lists them.)");
        }

        if (held.IsCancelled)
        {
            throw new StoreException($"the event \"{id}\" was already cancelled by {held.CancelledBy} at {held.CancelledAt:yyyy-MM-dd HH:mm} UTC: {held.CancelReason}");
        }

        store.ApplyEvents([], [new EventCancellation(id, EventSource.Person, author, author, reason)]);
        return store.Event(id)!;
    }

    private static bool Same(StoredEvent held, EventRequest request) =>
        held.Unit == request.Unit && held.Kind == request.Kind && held.Start == request.Start && held.End == request.End;
}

/// <summary>How the command line words an event.</summary>
internal static class EventText
{
    public static string Applied(StoredEvent e)
    {
        var last = e.History.Count > 0 ? e.History[^1] : null;
        var what = last is null ? "Holds" : last.Change switch
        {
            EventChangeKind.Cancelled => "Cancelled",
            EventChangeKind.Declared => "Declared",
            EventChangeKind.Restored => "Restored",
            EventChangeKind.Moved => "Moved",
            _ => "Updated",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} event {e.Id}: {e.Kind} of {e.Unit}, {Local(e.Start)} – {Local(e.End)}{(e.IsCancelled ? $" (cancelled: {e.CancelReason})" : "")}");
    }

    // The instant as it was declared, with its offset (the regime zone's, for every source).
    private static string Local(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
