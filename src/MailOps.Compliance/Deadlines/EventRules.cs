using System.Globalization;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Deadlines;

public enum EventAnchor
{
    Start,
    End,
}

/// <summary>
/// Relative to an event: <c>24h</c> after a meeting ends, <c>-10d</c> before an opening, <c>3wd</c> after a
/// review. An hour offset counts from the anchor instant; a day or working-day offset moves the anchor's
/// date and falls due at <see cref="Time"/>, the end of that day by default. The period is the event id.
/// </summary>
public sealed record EventRule(string Event, EventAnchor Anchor, EventOffset Offset, TimeOnly Time) : DeadlineRule
{
    /// <summary>A report due before its event can be sent from this many days before its due date.</summary>
    public const int LeadDaysBeforeEvent = 7;

    public override string Kind => "event";

    public override string? EventKind => Event;

    public override NonWorkingDayPolicy DefaultNonWorkingDay => NonWorkingDayPolicy.Stand;

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        foreach (var e in context.EventsOf(unitId, Event))
        {
            var anchor = Anchor == EventAnchor.Start ? e.Start : e.End;
            var anchorDate = context.Zone.DateOf(anchor);
            var due = Offset.Unit switch
            {
                OffsetUnit.Hours => anchor.AddHours(Offset.Amount),
                OffsetUnit.Days => context.Zone.At(anchorDate.AddDays(Offset.Amount), Time),
                _ => context.Zone.At(context.Calendar.AddWorkingDays(anchorDate, Offset.Amount), Time),
            };
            var dueDate = context.Zone.DateOf(due);
            if (dueDate < from || dueDate > to)
            {
                continue;
            }

            var opens = Offset.Amount < 0 ? context.Zone.StartOf(dueDate.AddDays(-LeadDaysBeforeEvent)) : anchor;
            yield return new Occurrence(new Period(e.Id, context.Zone.DateOf(e.Start), context.Zone.DateOf(e.End)), due, opens, e.Id);
        }
    }

    public override string Describe() =>
        $"{Offset} from the {Anchor.ToString().ToLowerInvariant()} of {Event}" + (Offset.Unit == OffsetUnit.Hours ? "" : $", {TimeText(Time)}");
}

/// <summary>
/// Every day of an event's window, both ends inclusive, at a time (工地开放日报: 21:00). The period is
/// <c>event@YYYY-MM-DD</c>.
/// </summary>
public sealed record EventWindowDailyRule(string Event, TimeOnly Time) : DeadlineRule
{
    public override string Kind => "event-window-daily";

    public override string? EventKind => Event;

    public override NonWorkingDayPolicy DefaultNonWorkingDay => NonWorkingDayPolicy.Stand;

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        foreach (var e in context.EventsOf(unitId, Event))
        {
            var first = context.Zone.DateOf(e.Start);
            var last = context.Zone.DateOf(e.End);
            foreach (var day in Days(first < from ? from : first, last > to ? to : last))
            {
                yield return new Occurrence(new Period(string.Create(CultureInfo.InvariantCulture, $"{e.Id}@{day:yyyy-MM-dd}"), day, day), context.Zone.At(day, Time), context.Zone.StartOf(day), e.Id);
            }
        }
    }

    public override string Describe() => $"every day of {Event} {TimeText(Time)}";
}

/// <summary>
/// A first report <see cref="FirstDaysBefore"/> days before an event, then one every
/// <see cref="IntervalDays"/> days until the event (交付模拟验收: 60 days before delivery, then weekly). Each
/// is due at the end of its day; the period is <c>event#N</c>.
/// </summary>
public sealed record EventRecurringWeeklyRule(string Event, int FirstDaysBefore, int IntervalDays) : DeadlineRule
{
    public override string Kind => "event-recurring-weekly";

    public override string? EventKind => Event;

    public override NonWorkingDayPolicy DefaultNonWorkingDay => NonWorkingDayPolicy.Stand;

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        foreach (var e in context.EventsOf(unitId, Event))
        {
            var eventDate = context.Zone.DateOf(e.Start);
            var number = 1;
            for (var due = eventDate.AddDays(-FirstDaysBefore); due < eventDate; due = due.AddDays(IntervalDays), number++)
            {
                if (due >= from && due <= to)
                {
                    var opens = due.AddDays(number == 1 ? -EventRule.LeadDaysBeforeEvent : -IntervalDays);
                    yield return new Occurrence(new Period($"{e.Id}#{number}", due, due), context.Zone.EndOf(due), context.Zone.StartOf(opens), e.Id);
                }
            }
        }
    }

    public override string Describe() => $"{FirstDaysBefore} days before {Event}, then every {IntervalDays} days";
}
