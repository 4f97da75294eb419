using System.Globalization;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Deadlines;

/// <summary>
/// When a report falls due. Each kind of rule yields its occurrences whose nominal due date lies in a range
/// (both ends inclusive); the report's <see cref="NonWorkingDayPolicy"/> then moves any that fall on a
/// non-working day. Times are wall-clock times of the regime's zone.
/// </summary>
public abstract record DeadlineRule
{
    /// <summary>The kind's name in the catalog file, such as <c>daily</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The policy a report with this rule gets when its catalog entry names none.</summary>
    public virtual NonWorkingDayPolicy DefaultNonWorkingDay => NonWorkingDayPolicy.NextWorkingDay;

    /// <summary>The event kind the rule hangs on, if any.</summary>
    public virtual string? EventKind => null;

    public abstract IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to);

    /// <summary>A one-line description for people, such as "daily 21:00".</summary>
    public abstract string Describe();

    protected static string TimeText(TimeOnly time) => time == RegimeZone.EndOfDay ? "end of day" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    protected static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to) => DateRanges.Days(from, to);

    protected static IEnumerable<(int Year, int Month)> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return (month.Year, month.Month);
        }
    }

    protected static DateOnly Clamp(int year, int month, int day) => DateRanges.Clamped(year, month, day);
}

/// <summary>Every calendar day at a time (呼叫中心信息日报: 21:00). The period is the day itself.</summary>
public sealed record DailyRule(TimeOnly Time) : DeadlineRule
{
    public override string Kind => "daily";

    public override NonWorkingDayPolicy DefaultNonWorkingDay => NonWorkingDayPolicy.Stand;

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to) =>
        Days(from, to).Select(day => new Occurrence(Period.Day(day), context.Zone.At(day, Time), context.Zone.StartOf(day)));

    public override string Describe() => $"daily {TimeText(Time)}";
}

/// <summary>On a weekday of the following week at a time (周报: the next Monday 17:00). The period is the ISO week reported on.</summary>
public sealed record WeeklyRule(DayOfWeek Weekday, TimeOnly Time) : DeadlineRule
{
    public override string Kind => "weekly";

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        var offset = ((int)Weekday + 6) % 7;
        for (var week = Period.Week(from.AddDays(-7 - offset)); week.Start <= to; week = Period.Week(week.Start.AddDays(7)))
        {
            var due = week.End.AddDays(1 + offset);
            if (due >= from && due <= to)
            {
                yield return new Occurrence(week, context.Zone.At(due, Time), context.Zone.StartOf(week.End.AddDays(1)));
            }
        }
    }

    public override string Describe() => $"{Weekday} of the following week {TimeText(Time)}";
}

/// <summary>On the last day of the month at a time, with figures cut off on an earlier day (月报: data to the 28th, due 17:00).</summary>
public sealed record MonthlyLastDayRule(TimeOnly Time, int? DataCutoffDay) : DeadlineRule
{
    public override string Kind => "monthly-last-day";

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        foreach (var (year, month) in Months(from, to))
        {
            var period = Period.Month(year, month);
            var opens = DataCutoffDay is { } cutoff ? Clamp(year, month, cutoff + 1) : period.Start;
            if (period.End >= from && period.End <= to)
            {
                yield return new Occurrence(period, context.Zone.At(period.End, Time), context.Zone.StartOf(Min(opens, period.End)));
            }
        }
    }

    public override string Describe() =>
        $"last day of the month {TimeText(Time)}" + (DataCutoffDay is { } cutoff ? $", data to day {cutoff}" : "");

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>
/// By day N of the month, clamped to the month's end (客户关系月报: the 30th, so February's last day). The
/// period is the month reported on; <see cref="MonthsAfter"/> 1 puts the due date in the following month.
/// </summary>
public sealed record MonthlyDayRule(int Day, int MonthsAfter, TimeOnly Time) : DeadlineRule
{
    public override string Kind => "monthly-day";

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        foreach (var (year, month) in Months(from.AddMonths(-MonthsAfter), to.AddMonths(-MonthsAfter)))
        {
            var period = Period.Month(year, month);
            var dueMonth = period.Start.AddMonths(MonthsAfter);
            var due = Clamp(dueMonth.Year, dueMonth.Month, Day);
            var opens = MonthsAfter == 0 ? period.Start : period.End.AddDays(1);
            if (due >= from && due <= to)
            {
                yield return new Occurrence(period, context.Zone.At(due, Time), context.Zone.StartOf(opens));
            }
        }
    }

    public override string Describe() =>
        $"day {Day} of {(MonthsAfter == 0 ? "the month" : $"month +{MonthsAfter}")} {TimeText(Time)}";
}

/// <summary>By day N of the first month of the next quarter (季报: before the 5th). The period is the quarter reported on.</summary>
public sealed record QuarterlyRule(int Day, TimeOnly Time) : DeadlineRule
{
    public override string Kind => "quarterly";

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to)
    {
        for (var quarter = Period.QuarterOf(from.AddMonths(-3)); quarter.Start <= to; quarter = Period.QuarterOf(quarter.End.AddDays(1)))
        {
            var next = quarter.End.AddDays(1);
            var due = Clamp(next.Year, next.Month, Day);
            if (due >= from && due <= to)
            {
                yield return new Occurrence(quarter, context.Zone.At(due, Time), context.Zone.StartOf(next));
            }
        }
    }

    public override string Describe() => $"day {Day} of the next quarter's first month {TimeText(Time)}";
}

/// <summary>
/// On the first working day after a long holiday at a time (长假值班总结: 12:00). The period is the holiday,
/// such as <c>2026-national-day</c>.
/// </summary>
public sealed record AfterLongHolidayRule(TimeOnly Time, LongHolidayPolicy Policy) : DeadlineRule
{
    public override string Kind => "after-long-holiday";

    public override NonWorkingDayPolicy DefaultNonWorkingDay => NonWorkingDayPolicy.Stand;

    public override IEnumerable<Occurrence> Occurrences(ScheduleContext context, string unitId, DateOnly from, DateOnly to) =>
        context.Calendar.LongHolidays(from, to, Policy).Select(holiday => new Occurrence(
            new Period(holiday.Id, holiday.FirstDay, holiday.LastDay),
            context.Zone.At(holiday.FirstWorkingDayAfter, Time),
            context.Zone.StartOf(holiday.FirstWorkingDayAfter)));

    public override string Describe() => $"first working day after a long holiday ({Policy.MinimumDays}+ days) {TimeText(Time)}";
}
