namespace MailOps.Compliance.Events;

/// <summary>The project events file as it is written (samples/events.json); see docs/regime.md.</summary>
internal sealed class EventsDocument
{
    public List<EventDocument>? Events { get; set; }
}

internal sealed class EventDocument
{
    /// <summary>A stable id; it names the event's obligations' periods.</summary>
    public string? Id { get; set; }

    public string? Unit { get; set; }

    public string? Project { get; set; }

    /// <summary>See <see cref="EventKinds"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>Local date or date-time, such as <c>2026-11-20</c> or <c>2026-11-20T14:00</c>.</summary>
    public string? Start { get; set; }

    /// <summary>For windows (site-open, delivery) the last day; otherwise when the event ended. Defaults to <see cref="Start"/>.</summary>
    public string? End { get; set; }

    public string? Note { get; set; }
}
