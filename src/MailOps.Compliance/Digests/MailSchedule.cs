using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

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
    // A digest is looked for this far back; an outage longer than this simply restarts with today's.
    private const int DigestLookBackDays = 40;

    /// <summary>The latest digest slot at or before <paramref name="now"/>: its period is the day it is for.</summary>
    public MailSlot? LatestDigest(DateTimeOffset now)
    {
        var day = regime.Zone.DateOf(now);
        for (var i = 0; i <= DigestLookBackDays; i++, day = day.AddDays(-1))
        {
            if (regime.Calendar.IsWorkingDay(day) && regime.Zone.At(day, at) <= now)
            {
                return new MailSlot(Period.Day(day), regime.Zone.At(day, at));
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
