using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;

namespace MailOps.Compliance.Digests;

/// <summary>A scheduled mail's slot: the period it covers and the instant it falls due.</summary>
public sealed record MailSlot(Period Period, DateTimeOffset At);

/// <summary>
/// When headquarters' mail falls due: the digest every working day at a set time; the monthly evaluation
/// on the results day (the 10th, or the next working day when the 10th is not one) for the month before;
/// the quarterly assessment on the results day of a quarter's first month for the quarter before (the
/// quarter's books close at the start of the 10th). Each method returns only the latest slot at or before
/// an instant, so a worker back from an outage sends a missed mail once, never once per missed slot.
/// </summary>
public sealed class MailSchedule(Regime regime, ScoringPolicy policy, TimeOnly at)
{
    // A digest slot is looked for this far back or ahead (the longest holiday is far shorter); an outage longer than
    // this simply restarts with today's.
    private const int SearchDays = 40;

    /// <summary>The latest digest slot at or before <paramref name="now"/>: its period is the day it is for.</summary>
    public MailSlot? LatestDigest(DateTimeOffset now)
    {
        var day = regime.Zone.DateOf(now);
        for (var i = 0; i <= SearchDays; i++, day = day.AddDays(-1))
        {
            if (regime.Calendar.IsWorkingDay(day) && regime.Zone.At(day, at) <= now)
            {
                return new MailSlot(Period.Day(day), regime.Zone.At(day, at));
            }
        }

        return null;
    }

    /// <summary>
    /// The digest to send at <paramref name="now"/>, or null: a working day's digest is due from its slot (or, when the
    /// slot lies before the working hours, from their start) until the end of that day's working hours, and only then. A
    /// worker back from an outage or restarted at night therefore never sends yesterday's digest under today's date,
    /// nor two for one morning: a day missed whole is covered by the next day's digest. The slot's instant is when it
    /// became due.
    /// </summary>
    public MailSlot? DigestDue(DateTimeOffset now, WorkingHours hours)
    {
        var day = regime.Zone.DateOf(now);
        if (!regime.Calendar.IsWorkingDay(day))
        {
            return null;
        }

        var due = hours.NextOpening(regime.Zone, regime.Zone.At(day, at));
        return regime.Zone.DateOf(due) == day && due <= now && now <= hours.EndOf(regime.Zone, day)
            ? new MailSlot(Period.Day(day), due)
            : null;
    }

    /// <summary>
    /// The first instant after <paramref name="now"/> at which headquarters' mail falls due: the next working day's digest
    /// slot (in working hours). The monthly and quarterly mail fall due on results days at the same time, so on such a slot.
    /// </summary>
    public DateTimeOffset? NextSlotAfter(DateTimeOffset now, WorkingHours hours)
    {
        var day = regime.Zone.DateOf(now);
        for (var i = 0; i <= SearchDays; i++, day = day.AddDays(1))
        {
            var due = hours.NextOpening(regime.Zone, regime.Zone.At(day, at));
            if (regime.Calendar.IsWorkingDay(day) && due > now && regime.Zone.DateOf(due) == day)
            {
                return due;
            }
        }

        return null;
    }

    /// <summary>The digest slot before <paramref name="slot"/>: the start of what the digest calls new.</summary>
    public DateTimeOffset PreviousDigest(MailSlot slot) =>
        regime.Zone.At(regime.Calendar.PreviousWorkingDay(slot.Period.Start), at);

    /// <summary>The latest monthly evaluation slot at or before <paramref name="now"/>.</summary>
    public MailSlot LatestMonthly(DateTimeOffset now) => Latest(now, months: 1);

    /// <summary>The latest quarterly assessment slot at or before <paramref name="now"/>.</summary>
    public MailSlot LatestQuarterly(DateTimeOffset now) => Latest(now, months: 3);

    // Walks back period by period until a results slot is at or before now; a results day late in the month can
    // roll into the next month, so the slot of the period just begun is not always the latest one.
    private MailSlot Latest(DateTimeOffset now, int months)
    {
        var today = regime.Zone.DateOf(now);
        var current = months == 1 ? Period.MonthOf(today) : Period.QuarterOf(today);
        for (var start = current.Start; ; start = start.AddMonths(-months))
        {
            var slot = ResultsSlot(start);
            if (slot <= now)
            {
                var covered = start.AddMonths(-months);
                return new MailSlot(months == 1 ? Period.MonthOf(covered) : Period.QuarterOf(covered), slot);
            }
        }
    }

    /// <summary>The results day of the month starting on <paramref name="firstOfMonth"/>, at the digest time.</summary>
    public DateTimeOffset ResultsSlot(DateOnly firstOfMonth)
    {
        var day = Common.DateRanges.Clamped(firstOfMonth.Year, firstOfMonth.Month, policy.ResultsDay);
        return regime.Zone.At(regime.Calendar.OnOrAfter(day), at);
    }
}
