using System.Globalization;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Events;

/// <summary>
/// The id of the project event a calendar item's occurrence stands for: <c>ical:{uid}</c> for an item that does not
/// recur, <c>ical:{uid}@{yyyy-MM-ddTHHmm}</c> (<c>@{yyyy-MM-dd}</c> all day) for an occurrence, by its RECURRENCE-ID in
/// the regime zone. A later version (a higher SEQUENCE, a moved occurrence) has the same id, so it replaces the
/// earlier event instead of adding one; a cancellation names the event it cancels the same way.
/// </summary>
public static class EventIds
{
    public const string Prefix = "ical:";

    public static string Of(CalendarItem item, RegimeZone zone) => Of(item.Uid, item.RecurrenceId, item.IsAllDay, zone);

    public static string Of(string uid, DateTimeOffset? recurrenceId, bool isAllDay, RegimeZone zone)
    {
        if (recurrenceId is not { } rid)
        {
            return Prefix + uid;
        }

        var local = zone.ToLocal(rid);
        var format = isAllDay ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HHmm";
        return Prefix + uid + "@" + local.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a text is a recurrence part as <see cref="Of(string, DateTimeOffset?, bool, RegimeZone)"/> writes it: <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHHmm</c>.</summary>
    public static bool IsRecurrence(ReadOnlySpan<char> text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
