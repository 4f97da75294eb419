using System.Globalization;

namespace MailOps.Compliance.Common;

/// <summary>Strict readers for the small value formats of the configuration files.</summary>
public static class TextValues
{
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>A local date-time such as <c>2026-11-20T14:00</c>, or a bare date.</summary>
    public static bool TryLocalDateTime(string? text, out DateOnly date, out TimeOnly? time)
    {
        time = null;
        if (TryDate(text, out date))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            date = DateOnly.FromDateTime(dateTime);
            time = TimeOnly.FromDateTime(dateTime);
            return true;
        }

        return false;
    }
}
