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
    public MailSlot LatestMonthly(DateTimeOffset now)
    {
        var month = Period.MonthOf(regime.Zone.DateOf(now));
        var slot = ResultsSlot(month.Start);
        return slot <= now
            ? new MailSlot(Period.MonthOf(month.Start.AddMonths(-1)), slot)
            : new MailSlot(Period.MonthOf(month.Start.AddMonths(-2)), ResultsSlot(month.Start.AddMonths(-1)));
    }

    /// <summary>The latest quarterly assessment slot at or before <paramref name="now"/>.</summary>
    public MailSlot LatestQuarterly(DateTimeOffset now)
    {
        var quarter = Period.QuarterOf(regime.Zone.DateOf(now));
        var slot = ResultsSlot(quarter.Start);
        return slot <= now
            ? new MailSlot(Period.QuarterOf(quarter.Start.AddMonths(-3)), slot)
            : new MailSlot(Period.QuarterOf(quarter.Start.AddMonths(-6)), ResultsSlot(quarter.Start.AddMonths(-3)));
    }

    /// <summary>The results day of the month starting on <paramref name="firstOfMonth"/>, at the digest time.</summary>
    public DateTimeOffset ResultsSlot(DateOnly firstOfMonth)
    {
        var day = Common.DateRanges.Clamped(firstOfMonth.Year, firstOfMonth.Month, policy.ResultsDay);
        return regime.Zone.At(regime.Calendar.OnOrAfter(day), at);
    }
}
