using System.Globalization;

namespace MailOps.Compliance.Tests.Support;

/// <summary>Short readers for the dates and Shanghai instants that test tables are written in.</summary>
internal static class Dates
{
    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Shanghai wall-clock instant: "2026-11-23 17:00" or "2026-11-23 17:00:01".</summary>
    public static DateTimeOffset T(string text)
    {
        var local = DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, TimeSpan.FromHours(8));
    }
}
