using MailOps.Compliance.Common;

namespace MailOps.Compliance.Notices;

/// <summary>
/// The hours of a day in which MailOps writes to a person, start and end both inclusive (09:00 to 21:00 by default),
/// in the regime's local time. Whatever was planned, nothing is queued or sent to anyone outside them.
/// </summary>
public sealed record WorkingHours
{
    public WorkingHours(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The working day's end {end:HH:mm} is not after its start {start:HH:mm}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(21, 0));

    /// <summary>
    /// How long before the end a notice brought forward from the night is placed (20:55): early enough that a beat
    /// reaches it while the hours are still open, however late a real timer fires.
    /// </summary>
    public static readonly TimeSpan LastCallBeforeEnd = TimeSpan.FromMinutes(5);

    /// <summary>The last call of the day of <paramref name="at"/>: <see cref="LastCallBeforeEnd"/> before the end.</summary>
    public DateTimeOffset LastCallOf(RegimeZone zone, DateOnly date) => zone.At(date, End.Add(-LastCallBeforeEnd));

    /// <summary>The next last call strictly after <paramref name="at"/>.</summary>
    public DateTimeOffset NextLastCallAfter(RegimeZone zone, DateTimeOffset at)
    {
        var today = LastCallOf(zone, zone.DateOf(at));
        return today > at ? today : LastCallOf(zone, zone.DateOf(at).AddDays(1));
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    /// <summary>Whether a person may be written to at <paramref name="at"/>.</summary>
    public bool Contains(RegimeZone zone, DateTimeOffset at)
    {
        var time = zone.TimeOf(at);
        return time >= Start && time <= End;
    }

    /// <summary>The first instant at or after <paramref name="at"/> at which a person may be written to.</summary>
    public DateTimeOffset NextOpening(RegimeZone zone, DateTimeOffset at)
    {
        if (Contains(zone, at))
        {
            return at;
        }

        var date = zone.DateOf(at);
        return zone.TimeOf(at) < Start ? zone.At(date, Start) : zone.At(date.AddDays(1), Start);
    }

    /// <summary>The start of the next working hours strictly after <paramref name="at"/>.</summary>
    public DateTimeOffset NextStartAfter(RegimeZone zone, DateTimeOffset at)
    {
        var date = zone.DateOf(at);
        var today = zone.At(date, Start);
        return today > at ? today : zone.At(date.AddDays(1), Start);
    }

    /// <summary>The end of the working hours of <paramref name="date"/>: the last instant a mail titled with that day may go.</summary>
    public DateTimeOffset EndOf(RegimeZone zone, DateOnly date) => zone.At(date, End);

    /// <summary>
    /// Moves a planned instant into working hours without passing <paramref name="latest"/>: an instant before the day's
    /// start waits until the start, one after its end until the next day's start. When waiting would pass
    /// <paramref name="latest"/> (a nudge for a deadline before the next morning), it comes forward to the last call
    /// before it instead (20:55), unless that is before <paramref name="earliest"/>; then there is no such instant (null).
    /// </summary>
    public DateTimeOffset? Place(RegimeZone zone, DateTimeOffset at, DateTimeOffset earliest, DateTimeOffset latest)
    {
        if (Contains(zone, at))
        {
            return at;
        }

        var later = NextOpening(zone, at);
        if (later <= latest)
        {
            return later;
        }

        var earlier = LastAtOrBefore(zone, latest);
        return earlier >= earliest ? earlier : null;
    }

    // The last working instant at or before an instant: itself inside the hours, else the last call before it.
    private DateTimeOffset LastAtOrBefore(RegimeZone zone, DateTimeOffset at)
    {
        if (Contains(zone, at))
        {
            return at;
        }

        var date = zone.DateOf(at);
        return LastCallOf(zone, zone.TimeOf(at) < Start ? date.AddDays(-1) : date);
    }
}
