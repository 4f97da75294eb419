using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using Microsoft.Graph.Models;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// A Graph event instance as a <see cref="CalendarItem"/>, named as the iCalendar path names the same occurrence:
/// the series' UID (Graph's <c>iCalUId</c> is the series master's for the whole series, but differs for each
/// occurrence) with the occurrence's <c>originalStart</c>, which a move leaves alone, as its RecurrenceId. Instants are
/// in the regime zone's offset; an all-day item runs from the regime zone's midnight of its first day to that of the
/// day after its last (Graph gives an all-day event's dates at midnight, its end the exclusive next day).
/// </summary>
internal static class GraphCalendarItems
{
    /// <summary>The item, or null when Graph gave a start or end that is no instant (a time zone this machine does not know).</summary>
    /// <param name="seriesUid">The series master's <c>iCalUId</c> for an occurrence or exception; null for a single event.</param>
    public static CalendarItem? Of(Event e, string? seriesUid, RegimeZone zone)
    {
        var allDay = e.IsAllDay == true;
        if (Instant(e.Start, allDay, zone) is not { } start || Instant(e.End, allDay, zone) is not { } end)
        {
            return null;
        }

        DateTimeOffset? recurrenceId = IsOccurrence(e)
            ? e.OriginalStart is { } original ? allDay ? zone.StartOf(zone.DateOf(original)) : zone.ToLocal(original) : start
            : null;
        return new CalendarItem(
            (IsOccurrence(e) ? seriesUid : null) ?? e.ICalUId ?? e.Id!,
            recurrenceId,
            e.Subject?.Trim() ?? "",
            [.. (e.Categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())],
            Address(e.Organizer?.EmailAddress?.Address),
            [.. (e.Attendees ?? []).Select(a => Address(a.EmailAddress?.Address)).OfType<string>().Distinct(StringComparer.Ordinal)],
            start,
            end,
            allDay,
            string.IsNullOrWhiteSpace(e.Location?.DisplayName) ? null : e.Location.DisplayName.Trim());
    }

    /// <summary>An occurrence or an exception of a recurring series, whose series master names it.</summary>
    public static bool IsOccurrence(Event e) => e.Type is EventType.Occurrence or EventType.Exception && !string.IsNullOrEmpty(e.SeriesMasterId);

    // Graph's dateTimeTimeZone: a wall-clock time ("2026-11-16T09:00:00.0000000") and the zone it is in, UTC when
    // asked for with Prefer: outlook.timezone="UTC", else a Windows or IANA name .NET resolves through ICU.
    private static DateTimeOffset? Instant(DateTimeTimeZone? value, bool allDay, RegimeZone zone)
    {
        if (value?.DateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wall))
        {
            return null;
        }

        if (allDay)
        {
            return zone.StartOf(DateOnly.FromDateTime(wall));
        }

        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        var name = value.TimeZone;
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return zone.ToLocal(new DateTimeOffset(wall, TimeSpan.Zero));
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var source)
            ? zone.ToLocal(new DateTimeOffset(wall, source.GetUtcOffset(wall)))
            : null;
    }

    private static string? Address(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : address.Trim().ToLowerInvariant();
}
