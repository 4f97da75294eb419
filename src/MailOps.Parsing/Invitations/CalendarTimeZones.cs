using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using Period = Ical.Net.DataTypes.Period;

namespace MailOps.Parsing.Invitations;

/// <summary>
/// Makes every TZID of a calendar one that Ical.Net resolves exactly. Ical.Net 5 ignores VTIMEZONE blocks and resolves a
/// TZID by name: an IANA id, or a Windows id through NodaTime's mapping ("China Standard Time", as Outlook writes it).
/// A name it does not know it resolves by the first zone id found inside it, so an older Outlook's
/// "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi" becomes UTC, eight hours off, without a word. Here such a TZID
/// is replaced by the fixed offset of its own VTIMEZONE when that block has one offset only (as China's has), and is
/// reported unknown otherwise.
/// </summary>
internal static class CalendarTimeZones
{
    private static readonly HashSet<string> WindowsIds = new(TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.Keys, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string tzId)
    {
        var id = tzId.TrimStart('/');
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null || WindowsIds.Contains(id);
    }

    /// <summary>Rewrites the events' date-times whose TZID is unknown but defined with one offset; returns the TZIDs left unknown.</summary>
    public static IReadOnlyList<string> Repair(Calendar calendar)
    {
        var used = calendar.Events.SelectMany(DateTimes).Select(d => d.TzId).OfType<string>()
            .Where(id => !string.Equals(id, CalDateTime.UtcTzId, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Where(id => !IsKnown(id))
            .ToList();
        if (used.Count == 0)
        {
            return [];
        }

        var replacement = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in used)
        {
            if (FixedOffset(calendar, id) is { } offset)
            {
                replacement[id] = FixedZoneId(offset);
            }
        }

        foreach (var calendarEvent in calendar.Events)
        {
            Rewrite(calendarEvent, replacement);
        }

        return [.. used.Where(id => !replacement.ContainsKey(id))];
    }

    private static IEnumerable<CalDateTime> DateTimes(CalendarEvent e) =>
        new[] { e.DtStart, e.DtEnd, e.RecurrenceIdentifier?.StartTime }.OfType<CalDateTime>()
            .Concat(e.ExceptionDates.GetAllDates())
            .Concat(e.RecurrenceDates.GetAllDates())
            .Concat(e.RecurrenceDates.GetAllPeriods().SelectMany(p => new[] { p.StartTime, p.EndTime }.OfType<CalDateTime>()));

    private static TimeSpan? FixedOffset(Calendar calendar, string tzId)
    {
        var zone = calendar.TimeZones.FirstOrDefault(z => string.Equals(z.TzId, tzId, StringComparison.OrdinalIgnoreCase));
        var offsets = zone?.TimeZoneInfos.Select(i => i.OffsetTo?.Offset).Distinct().ToList();
        return offsets is [{ } only] ? only : null;
    }

    private static string FixedZoneId(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";

    private static void Rewrite(CalendarEvent e, Dictionary<string, string> replacement)
    {
        CalDateTime Fix(CalDateTime d) => d.TzId is { } id && replacement.TryGetValue(id, out var zone) ? new CalDateTime(d.Date, d.Time, zone) : d;

        if (e.DtStart is { } start)
        {
            e.DtStart = Fix(start);
        }

        if (e.DtEnd is { } end)
        {
            e.DtEnd = Fix(end);
        }

        if (e.RecurrenceIdentifier is { } rid)
        {
            e.RecurrenceIdentifier = new RecurrenceIdentifier(Fix(rid.StartTime), rid.Range);
        }

        var exceptions = e.ExceptionDates.GetAllDates().ToList();
        if (exceptions.Any(d => Fix(d) != d))
        {
            e.ExceptionDates.Clear();
            e.ExceptionDates.AddRange(exceptions.Select(Fix));
        }

        var dates = e.RecurrenceDates.GetAllDates().ToList();
        var periods = e.RecurrenceDates.GetAllPeriods().ToList();
        if (dates.Any(d => Fix(d) != d) || periods.Any(p => Fix(p.StartTime) != p.StartTime))
        {
            e.RecurrenceDates.Clear();
            e.RecurrenceDates.AddRange(dates.Select(Fix));
            e.RecurrenceDates.AddRange(periods.Select(p => p.EndTime is { } pe ? new Period(Fix(p.StartTime), Fix(pe)) : new Period(Fix(p.StartTime), p.Duration ?? default)));
        }
    }
}
