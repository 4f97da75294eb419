using Ical.Net.CalendarComponents;
using MailOps.Compliance.Common;

namespace MailOps.Parsing.Invitations;

/// <summary>Reads what MailOps needs of a VEVENT: identity, version, status, times and people.</summary>
internal static class InvitationItems
{
    public static InvitationItem Of(CalendarEvent e, RegimeZone zone) => new(
        e.Uid!.Trim(),
        e.RecurrenceIdentifier?.StartTime is { } rid ? CalendarInstants.Of(rid, zone) : null,
        e.Sequence,
        string.IsNullOrWhiteSpace(e.Status) ? null : e.Status.Trim().ToUpperInvariant(),
        Summary(e),
        e.DtStart is { } start ? CalendarInstants.Of(start, zone) : null,
        e.DtEnd is { } end ? CalendarInstants.Of(end, zone) : e.Duration is not null && e.DtStart is not null ? CalendarInstants.Of(e.DtStart.Add(e.Duration.Value), zone) : null,
        e.DtStart is { HasTime: false },
        Recurs(e),
        Address(e.Organizer?.Value),
        Attendees(e),
        Categories(e),
        string.IsNullOrWhiteSpace(e.Location) ? null : e.Location.Trim());

    public static bool Recurs(CalendarEvent e) => e.RecurrenceRule is not null || e.RecurrenceDates.GetAllDates().Any() || e.RecurrenceDates.GetAllPeriods().Any();

    public static string Summary(CalendarEvent e) => e.Summary?.Trim() ?? "";

    public static IReadOnlyList<string> Attendees(CalendarEvent e) =>
        [.. e.Attendees.Select(a => Address(a.Value)).OfType<string>().Distinct(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Categories(CalendarEvent e) =>
        [.. e.Categories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The address of a mailto: URI, lower-case; null for anything else (Outlook writes <c>invalid:nomail</c> for an organizer without one).</summary>
    public static string? Address(Uri? uri)
    {
        if (uri is null || !string.Equals(uri.Scheme, "mailto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var address = Uri.UnescapeDataString(uri.OriginalString[(uri.OriginalString.IndexOf(':', StringComparison.Ordinal) + 1)..]).Trim();
        return address.Contains('@', StringComparison.Ordinal) ? address.ToLowerInvariant() : null;
    }
}
