namespace MailOps.Worker.Store;

/// <summary>Where MailOps learnt of an event.</summary>
public enum EventSource
{
    /// <summary>The administrator's events file (<c>MailOps:Regime:Events</c>), imported whenever it changes.</summary>
    File,

    /// <summary>A meeting request, cancellation or .ics calendar that reached the monitored mailbox.</summary>
    Invitation,

    /// <summary>The shared calendar read through Microsoft Graph (<c>MailOps:Events:Calendar</c>).</summary>
    Calendar,

    /// <summary>A person: <c>mailops events add</c> or <c>cancel</c>, or the console.</summary>
    Person,
}

/// <summary>What one write did to an event.</summary>
public enum EventChangeKind
{
    /// <summary>Nothing: the same version again (a page re-read after a restart), or an older one.</summary>
    Unchanged,

    Declared,

    /// <summary>Its start or end changed: the reports that hang on it move with it.</summary>
    Moved,

    /// <summary>Something else changed (its summary, its project, its unit or kind).</summary>
    Updated,

    /// <summary>It will not happen: it owes nothing, and what was judged for it shows as cancelled.</summary>
    Cancelled,

    /// <summary>Declared again after it was cancelled.</summary>
    Restored,
}

public static class EventNames
{
    public static string Of(EventSource source) => source switch
    {
        EventSource.File => "file",
        EventSource.Invitation => "invitation",
        EventSource.Calendar => "calendar",
        EventSource.Person => "person",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string Of(EventChangeKind change) => change switch
    {
        EventChangeKind.Unchanged => "unchanged",
        EventChangeKind.Declared => "declared",
        EventChangeKind.Moved => "moved",
        EventChangeKind.Updated => "updated",
        EventChangeKind.Cancelled => "cancelled",
        EventChangeKind.Restored => "restored",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    public static bool TryParse(string? name, out EventSource source)
    {
        foreach (var candidate in Enum.GetValues<EventSource>())
        {
            if (Of(candidate) == name)
            {
                source = candidate;
                return true;
            }
        }

        source = default;
        return false;
    }

    public static bool TryParse(string? name, out EventChangeKind change)
    {
        foreach (var candidate in Enum.GetValues<EventChangeKind>())
        {
            if (Of(candidate) == name)
            {
                change = candidate;
                return true;
            }
        }

        change = default;
        return false;
    }
}

/// <summary>
/// A project event as MailOps knows it, whatever its source, with when it was learnt and every change since; a
/// cancelled event is kept (with who or what cancelled it and why), so that what was judged for it reads as cancelled.
/// </summary>
public sealed class StoredEvent
{
    /// <summary>The event id: the file's, <c>ical:{uid}</c> (with <c>@{recurrence}</c> for an occurrence), or <c>person:…</c>.</summary>
    public string Id { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Unit { get; set; } = "";

    public string Project { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    /// <summary>Inclusive, as <see cref="Compliance.Events.ProjectEvent.End"/>.</summary>
    public DateTimeOffset End { get; set; }

    public string? Note { get; set; }

    public EventSource Source { get; set; }

    /// <summary>What it was learnt from: the file's path, the invitation's Message-ID, the calendar item's id, or the person.</summary>
    public string SourceRef { get; set; } = "";

    /// <summary>The highest iCalendar SEQUENCE an invitation gave it (0 for other sources): an older invitation changes nothing.</summary>
    public int Sequence { get; set; }

    /// <summary>
    /// The organizer of the invitation that first declared it, lower-case; then only an invitation from the same
    /// organizer moves, updates or cancels it (a unit cannot cancel HQ's meeting by sending a CANCEL for its UID).
    /// </summary>
    public string? Organizer { get; set; }

    /// <summary>When it was learnt (see <see cref="Compliance.Events.ProjectEvent.LearntAt"/>); null for the events file.</summary>
    public DateTimeOffset? LearntAt { get; set; }

    /// <summary>When the store first held it.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the store last changed it (declared, moved, updated, cancelled or restored).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    /// <summary>The kind of source that cancelled it: only that source (or a person) declares it again.</summary>
    public EventSource? CancelledSource { get; set; }

    public string? CancelReason { get; set; }

    public List<StoredEventChange> History { get; set; } = [];

    public bool IsCancelled => CancelledAt is not null;
}

/// <summary>One change of an event: what, when, from where and by whom, and the times it had after it.</summary>
public sealed class StoredEventChange
{
    public DateTimeOffset At { get; set; }

    public EventChangeKind Change { get; set; }

    public EventSource Source { get; set; }

    public string SourceRef { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string? Detail { get; set; }
}

/// <summary>A source says an event is (or is again) to happen, as it now stands.</summary>
/// <param name="Sequence">The iCalendar SEQUENCE for an invitation or calendar item; 0 otherwise.</param>
/// <param name="Organizer">An invitation's organizer: the event is then bound to it.</param>
public sealed record EventDeclaration(Compliance.Events.ProjectEvent Event, EventSource Source, string SourceRef, string Author, int Sequence = 0, string? Organizer = null);

/// <summary>A source says an event will not happen.</summary>
public sealed record EventCancellation(string EventId, EventSource Source, string SourceRef, string Author, string Reason, int Sequence = 0, string? Organizer = null);

/// <summary>
/// How a declaration or a cancellation changes what the store holds of an event. An older invitation version (a lower
/// SEQUENCE) changes nothing; a cancelled event is declared again only by the kind of source that cancelled it (with
/// a newer version, for an invitation) or by a person, so re-reading an unchanged events file or an old invitation
/// never undoes a person's cancellation. Pure: the store applies what it returns.
/// </summary>
public static class EventVersions
{
    public static EventChangeKind Declare(StoredEvent? stored, EventDeclaration d, DateTimeOffset now, out StoredEvent result)
    {
        var e = d.Event;
        if (stored is null)
        {
            result = new StoredEvent
            {
                Id = e.Id,
                RecordedAt = now,
                LearntAt = e.LearntAt,
                Organizer = d.Organizer?.ToLowerInvariant(),
            };
            Take(result, d, now);
            return Record(result, EventChangeKind.Declared, d.Source, d.SourceRef, d.Author, now, null);
        }

        result = stored;

        // Invitations are versioned by SEQUENCE, whichever source holds the event now, and bound to their organizer;
        // the calendar and the file state the event as it now is.
        var invited = d.Source == EventSource.Invitation;
        if (invited && (d.Sequence < stored.Sequence || !SameOrganizer(stored, d.Organizer)))
        {
            return EventChangeKind.Unchanged;
        }

        if (stored.IsCancelled)
        {
            var mayRestore = d.Source == EventSource.Person
                || (d.Source == stored.CancelledSource && (!invited || d.Sequence > stored.Sequence));
            if (!mayRestore)
            {
                return EventChangeKind.Unchanged;
            }

            (stored.CancelledAt, stored.CancelledBy, stored.CancelReason, stored.CancelledSource) = (null, null, null, null);
            Take(stored, d, now);
            return Record(stored, EventChangeKind.Restored, d.Source, d.SourceRef, d.Author, now, null);
        }

        var moved = stored.Start != e.Start || stored.End != e.End;
        var updated = stored.Kind != e.Kind || stored.Unit != e.UnitId || stored.Project != e.Project || stored.Note != e.Note;
        stored.Sequence = Math.Max(stored.Sequence, d.Sequence);
        if (!moved && !updated)
        {
            return EventChangeKind.Unchanged;
        }

        var before = $"{stored.Start:O} – {stored.End:O}";
        Take(stored, d, now);
        return Record(stored, moved ? EventChangeKind.Moved : EventChangeKind.Updated, d.Source, d.SourceRef, d.Author, now, moved ? "was " + before : null);
    }

    public static EventChangeKind Cancel(StoredEvent? stored, EventCancellation c, DateTimeOffset now)
    {
        if (stored is null || stored.IsCancelled)
        {
            return EventChangeKind.Unchanged;
        }

        if (c.Source == EventSource.Invitation && (c.Sequence < stored.Sequence || !SameOrganizer(stored, c.Organizer)))
        {
            return EventChangeKind.Unchanged;
        }

        (stored.CancelledAt, stored.CancelledBy, stored.CancelReason, stored.CancelledSource) = (now, c.Author, c.Reason, c.Source);
        stored.Sequence = Math.Max(stored.Sequence, c.Sequence);
        stored.ChangedAt = now;
        return Record(stored, EventChangeKind.Cancelled, c.Source, c.SourceRef, c.Author, now, c.Reason);
    }

    // An event first declared by an invitation answers only to that invitation's organizer (or to another source).
    private static bool SameOrganizer(StoredEvent stored, string? organizer) =>
        stored.Organizer is null || string.Equals(stored.Organizer, organizer, StringComparison.OrdinalIgnoreCase);

    private static void Take(StoredEvent stored, EventDeclaration d, DateTimeOffset now)
    {
        var e = d.Event;
        (stored.Kind, stored.Unit, stored.Project, stored.Start, stored.End, stored.Note) = (e.Kind, e.UnitId, e.Project, e.Start, e.End, e.Note);
        (stored.Source, stored.SourceRef, stored.Sequence, stored.ChangedAt) = (d.Source, d.SourceRef, Math.Max(stored.Sequence, d.Sequence), now);
    }

    private static EventChangeKind Record(StoredEvent stored, EventChangeKind change, EventSource source, string sourceRef, string author, DateTimeOffset now, string? detail)
    {
        stored.History.Add(new StoredEventChange { At = now, Change = change, Source = source, SourceRef = sourceRef, Author = author, Start = stored.Start, End = stored.End, Detail = detail });
        return change;
    }
}
