namespace MailOps.Compliance.Common;

/// <summary>
/// The wall clock the regime is written in (Asia/Shanghai by default). Every deadline is a local date and
/// time turned into an instant here, and every received instant is read back as a local date here.
/// </summary>
public sealed class RegimeZone
{
    /// <summary>The end of a day whose deadline names no time: 23:59:59, since lateness is judged to the second.</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59, 59);

    public RegimeZone(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>Asia/Shanghai from the system's time-zone data, or a fixed UTC+08:00 (China keeps no DST) where that data is absent.</summary>
    public static RegimeZone Shanghai { get; } = new(FindOrFixed("Asia/Shanghai", TimeSpan.FromHours(8)));

    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    public DateTimeOffset EndOf(DateOnly date) => At(date, EndOfDay);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(ToLocal(instant).DateTime);

    public static RegimeZone FromId(string id) => new(TimeZoneInfo.FindSystemTimeZoneById(id));

    private static TimeZoneInfo FindOrFixed(string id, TimeSpan offset)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }
    }
}
