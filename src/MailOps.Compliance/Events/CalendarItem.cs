namespace MailOps.Compliance.Events;

/// <summary>
/// One occurrence of a calendar item (a meeting request, a calendar entry) as read from a mailbox or a calendar,
/// before it is known to be a project event. <see cref="End"/> is exclusive: an all-day window of 21-23 November
/// starts at the regime zone's midnight of the 21st and ends at its midnight of the 24th.
/// </summary>
/// <param name="Uid">The iCalendar UID, shared by every occurrence and version of the item.</param>
/// <param name="RecurrenceId">
/// For an occurrence of a recurring item, the start it was first scheduled at (RECURRENCE-ID), which stays
/// when the occurrence is moved; null for an item that does not recur.
/// </param>
/// <param name="Organizer">The organizer's address, lower-case, if any.</param>
/// <param name="Attendees">The attendees' addresses, lower-case.</param>
public sealed record CalendarItem(
    string Uid,
    DateTimeOffset? RecurrenceId,
    string Summary,
    IReadOnlyList<string> Categories,
    string? Organizer,
    IReadOnlyList<string> Attendees,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    string? Location = null);
