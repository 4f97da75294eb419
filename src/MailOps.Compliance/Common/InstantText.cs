using System.Globalization;

namespace MailOps.Compliance.Common;

/// <summary>
/// How instants read to people, in findings, mail and the command line: the regime's wall clock to the minute
/// (<c>2026-11-24 21:00</c>), and to the second where the second decides. Lateness is judged to the second, so
/// when two instants compared in one sentence (a deadline and a received time, the books' close and a late
/// report) read the same to the minute, both are written to the second: a report one second late reads
/// "due 21:00:00, received 21:00:01", never "due 21:00, received 21:00". Instants in different minutes read in
/// their true order to the minute, so their seconds are left out.
/// </summary>
public static class InstantText
{
    private const string ToTheMinute = "yyyy-MM-dd HH:mm";
    private const string ToTheSecond = "yyyy-MM-dd HH:mm:ss";

    /// <summary>One instant on its own, to the minute.</summary>
    public static string Of(RegimeZone zone, DateTimeOffset instant) => Format(zone, instant, ToTheMinute);

    /// <summary>Two instants compared in one sentence: both to the minute, or both to the second when they share the minute.</summary>
    public static (string First, string Second) Compared(RegimeZone zone, DateTimeOffset first, DateTimeOffset second)
    {
        var (a, b) = (Of(zone, first), Of(zone, second));
        return a == b ? (Format(zone, first, ToTheSecond), Format(zone, second, ToTheSecond)) : (a, b);
    }

    private static string Format(RegimeZone zone, DateTimeOffset instant, string format) =>
        zone.ToLocal(instant).ToString(format, CultureInfo.InvariantCulture);
}
