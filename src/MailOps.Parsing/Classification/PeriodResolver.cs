using MailOps.Compliance;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Organisation;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Classification;

/// <summary>
/// The period a submission covers: the subject's period read as the report's kind of period, or else the
/// obligation whose window opened most recently by the received instant (docs/parsing.md §3).
/// </summary>
internal sealed class PeriodResolver(Regime regime)
{
    private const int InferenceDays = 62;
    private const int EventSearchDays = 400;

    private readonly ObligationGenerator _generator = new(regime);

    /// <summary>
    /// A subject period starting more than this after the received date is not believed (a version number such
    /// as "v2.1" read as 1 February); nor is one that ended more than <see cref="LongestPast"/> before it.
    /// </summary>
    public const int LongestAhead = 31;

    public const int LongestPast = 400;

    /// <summary>
    /// The period of a unit's report: for a long-holiday report whose subject names holidays, the long holiday
    /// that holds one (or none); otherwise the subject's period read as the report's, else the one inferred.
    /// </summary>
    public string? Resolve(Unit unit, ReportDefinition report, SubjectPeriod? named, IReadOnlyList<HolidayArrangement> holidays, DateTimeOffset received)
    {
        if (report.Deadline is AfterLongHolidayRule rule && holidays.Count > 0)
        {
            return HolidayPeriod(rule, holidays, regime.Zone.DateOf(received));
        }

        return (Plausible(named, received) is { } period ? FromSubject(unit, report, period, received) : null) ?? Infer(unit, report, received);
    }

    /// <summary>
    /// What a subject names, told without a unit that owes the report: a calendar period read as the report's
    /// (<see cref="CalendarPeriod"/>), the long holiday of a holiday it names (long holidays come from the calendar),
    /// or for an event report the day it names, as that day (the events, and so their period ids, are the units').
    /// </summary>
    public string? WithoutUnit(ReportDefinition report, SubjectPeriod? named, IReadOnlyList<HolidayArrangement> holidays, DateOnly received) =>
        report.Deadline switch
        {
            AfterLongHolidayRule rule => holidays.Count > 0 ? HolidayPeriod(rule, holidays, received) : null,
            EventRule or EventWindowDailyRule or EventRecurringWeeklyRule => named?.Kind == SubjectPeriodKind.Day ? Period.Day(named.First).Id : null,
            _ => named is null ? null : CalendarPeriod(report, named, received),
        };

    /// <summary>
    /// The long holiday (of the rule's) that holds one of the named holidays, the most recent that has begun by
    /// <paramref name="received"/>; null when none has, for a summary of a holiday not yet begun is the roster for
    /// the coming one. Needs no unit: long holidays come from the calendar.
    /// </summary>
    public string? HolidayPeriod(AfterLongHolidayRule rule, IReadOnlyList<HolidayArrangement> named, DateOnly received) =>
        named
            .SelectMany(h => regime.Calendar.LongHolidays(h.FirstDayOff, h.LastDayOff.AddDays(LongestAhead), rule.Policy)
                .Where(run => run.FirstDay <= h.FirstDayOff && h.FirstDayOff <= run.LastDay))
            .Where(run => run.FirstDay <= received)
            .MaxBy(run => run.FirstDay)?.Id;

    /// <summary>The named period, when it is near enough the received date to be meant.</summary>
    public SubjectPeriod? Plausible(SubjectPeriod? named, DateTimeOffset received)
    {
        var date = regime.Zone.DateOf(received);
        return named is not null && named.First.DayNumber - date.DayNumber <= LongestAhead && date.DayNumber - named.Last.DayNumber <= LongestPast ? named : null;
    }

    private string? FromSubject(Unit unit, ReportDefinition report, SubjectPeriod named, DateTimeOffset received) =>
        CalendarPeriod(report, named, regime.Zone.DateOf(received))
        ?? (report.Deadline is EventRule or EventWindowDailyRule or EventRecurringWeeklyRule or AfterLongHolidayRule
            && named.Kind is SubjectPeriodKind.Day or SubjectPeriodKind.Range
                ? Containing(unit, report, named.First, received)
                : null);

    /// <summary>
    /// A named period read as a calendar report's kind of period: a day or the first day of a range for a daily
    /// report; the ISO week holding it (or a range's first day) for a weekly report; the month or quarter holding
    /// it (or a range's last day) for monthly and quarterly reports. A report on a finished period (weekly,
    /// quarterly, monthly due the month after) that names a single day of a period not yet over when it arrived
    /// names the day it was sent: it reports on the period before. Needs no unit; null for an event report or a
    /// period that cannot be read as the report's.
    /// </summary>
    public static string? CalendarPeriod(ReportDefinition report, SubjectPeriod named, DateOnly received)
    {
        var period = (report.Deadline, named.Kind) switch
        {
            (DailyRule, SubjectPeriodKind.Day or SubjectPeriodKind.Range) => Period.Day(named.First),
            (WeeklyRule, SubjectPeriodKind.Day or SubjectPeriodKind.Range or SubjectPeriodKind.Week) => Period.Week(named.First),

            // A monthly data window such as 10月29日-11月28日 (cut off on the 28th) reports on the month it ends in.
            (MonthlyLastDayRule or MonthlyDayRule, SubjectPeriodKind.Range) => Period.MonthOf(named.Last),
            (MonthlyLastDayRule or MonthlyDayRule, not SubjectPeriodKind.Quarter and not SubjectPeriodKind.Week) => Period.MonthOf(named.First),
            (QuarterlyRule, SubjectPeriodKind.Range) => Period.QuarterOf(named.Last),
            (QuarterlyRule, not SubjectPeriodKind.Week) => Period.QuarterOf(named.First),
            _ => null,
        };

        if (period is null || named.Kind != SubjectPeriodKind.Day || period.End < received)
        {
            return period?.Id;
        }

        return report.Deadline switch
        {
            WeeklyRule => Period.Week(period.Start.AddDays(-7)).Id,
            QuarterlyRule => Period.QuarterOf(period.Start.AddDays(-1)).Id,
            MonthlyDayRule { MonthsAfter: > 0 } => Period.MonthOf(period.Start.AddDays(-1)).Id,
            _ => period.Id,
        };
    }

    // An event report names a day of its event (or of a window): the obligation whose period holds that day.
    private string? Containing(Unit unit, ReportDefinition report, DateOnly day, DateTimeOffset received)
    {
        var date = regime.Zone.DateOf(received);
        return _generator.Occurrences(unit, report, date.AddDays(-EventSearchDays), date.AddDays(EventSearchDays))
            .Where(o => o.Period.Start <= day && day <= o.Period.End)
            .OrderBy(o => Math.Abs((o.Due - received).Ticks))
            .Select(o => o.Period.Id)
            .FirstOrDefault();
    }

    private string? Infer(Unit unit, ReportDefinition report, DateTimeOffset received)
    {
        var date = regime.Zone.DateOf(received);
        var candidates = _generator.Occurrences(unit, report, date.AddDays(-InferenceDays), date.AddDays(InferenceDays)).ToList();
        var opened = candidates.Where(o => o.Opens <= received).MaxBy(o => (o.Opens, o.Due));
        return (opened ?? candidates.Where(o => o.Due >= received).MinBy(o => o.Due))?.Period.Id;
    }
}
