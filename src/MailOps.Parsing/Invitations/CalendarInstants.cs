using Ical.Net.DataTypes;
using MailOps.Compliance.Common;

namespace MailOps.Parsing.Invitations;

/// <summary>
/// Turns an iCalendar date or date-time into an instant in the regime zone's offset. A date (all day) is the regime
/// zone's midnight of that day, and a floating time (no TZID, no Z) the regime zone's wall clock: the recipients'
/// calendar is Shanghai's, whereas Ical.Net would read both in the server's own zone.
/// </summary>
internal static class CalendarInstants
{
    public static DateTimeOffset Of(CalDateTime value, RegimeZone zone)
    {
        if (!value.HasTime || value.Time is not { } time)
        {
            return zone.StartOf(value.Date);
        }

        if (value.IsUtc)
        {
            return zone.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(value.Value, DateTimeKind.Utc)));
        }

        if (value.IsFloating)
        {
            return zone.At(value.Date, time);
        }

        return zone.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc)));
    }
}
