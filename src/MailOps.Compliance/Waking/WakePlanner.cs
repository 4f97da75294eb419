using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Notices;

namespace MailOps.Compliance.Waking;

/// <summary>Why the worker wakes; when several fall on one instant, the first of these that applies is named.</summary>
public enum WakeReason
{
    /// <summary>A second past a deadline: the obligations due then turn overdue.</summary>
    Deadline,

    /// <summary>A slot of headquarters' mail: the digest, and on results days the monthly and quarterly mail.</summary>
    HeadquartersMail,

    /// <summary>The working hours start: what waited overnight (an overdue notice, a mail not yet sent) may go.</summary>
    WorkdayStart,

    /// <summary>The day's last call (<see cref="WorkingHours.LastCallBeforeEnd"/> before the end), where a nudge brought forward from the night falls.</summary>
    LastCall,

    /// <summary>The ingest interval since the last beat has passed: read the mailbox again.</summary>
    Interval,
}

/// <summary>
/// When the worker next wakes and why. <see cref="Deadlines"/> lists the obligations falling due at a
/// <see cref="WakeReason.Deadline"/> wake (the wake is a second after them), and is empty otherwise.
/// </summary>
public sealed record Wakeup(DateTimeOffset At, WakeReason Reason, IReadOnlyList<Obligation> Deadlines);

/// <summary>
/// Says when the running worker must next wake: the earliest of the next interval tick after the last beat, a second
/// past the next deadline (judged at the deadline itself, a report not yet received is still on time), the next slot
/// of headquarters' mail, the next start of the working hours (when notices and mail held overnight may go) and the
/// day's last call (where a nudge brought forward from the night falls). The
/// worker sleeps on its clock until then and beats; this is its only notion of time, so a fake clock drives it whole.
/// </summary>
public sealed class WakePlanner(Regime regime, MailSchedule schedule, WorkingHours hours)
{
    /// <summary>How far ahead deadlines are looked for; beyond this the interval wakes the worker long before.</summary>
    private const int LookAheadDays = 2;

    /// <summary>How long past a deadline the worker wakes for it.</summary>
    public static readonly TimeSpan PastDeadline = TimeSpan.FromSeconds(1);

    private readonly ObligationGenerator _generator = new(regime);
    private (DateOnly From, IReadOnlyList<Obligation> Obligations)? _upcoming;

    /// <param name="now">The instant asked at.</param>
    /// <param name="lastBeat">When the last beat started; the next interval tick is an interval after it.</param>
    /// <param name="interval">The ingest interval.</param>
    public Wakeup Next(DateTimeOffset now, DateTimeOffset lastBeat, TimeSpan interval)
    {
        var tick = lastBeat + interval;
        var next = new Wakeup(tick > now ? tick : now, WakeReason.Interval, []);

        if (NextDeadline(now) is { } deadline && deadline.At <= next.At)
        {
            next = deadline;
        }

        if (schedule.NextSlotAfter(now, hours) is { } slot && slot < next.At)
        {
            next = new Wakeup(slot, WakeReason.HeadquartersMail, []);
        }

        var opening = hours.NextStartAfter(regime.Zone, now);
        if (opening < next.At)
        {
            next = new Wakeup(opening, WakeReason.WorkdayStart, []);
        }

        var lastCall = hours.NextLastCallAfter(regime.Zone, now);
        return lastCall < next.At ? new Wakeup(lastCall, WakeReason.LastCall, []) : next;
    }

    /// <summary>
    /// The next deadline whose wake (a second past it) is after <paramref name="now"/>, with the obligations falling due
    /// then; null when none falls within the next two days. From a list made once a day.
    /// </summary>
    public Wakeup? NextDeadline(DateTimeOffset now)
    {
        var today = regime.Zone.DateOf(now);
        if (_upcoming is not { } upcoming || upcoming.From != today)
        {
            upcoming = (today, _generator.Generate(today, today.AddDays(LookAheadDays)));
            _upcoming = upcoming;
        }

        var falling = upcoming.Obligations.SkipWhile(o => o.Due + PastDeadline <= now).ToList();
        if (falling.Count == 0)
        {
            return null;
        }

        var due = falling[0].Due;
        return new Wakeup(due + PastDeadline, WakeReason.Deadline, [.. falling.TakeWhile(o => o.Due == due)]);
    }
}
