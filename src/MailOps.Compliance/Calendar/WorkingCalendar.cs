using System.Globalization;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Calendar;

/// <summary>
/// The Chinese working-day calendar: Monday to Friday are working days, except statutory days off; weekend
/// days are not, except make-up working days (调休上班). Years without data fall back to plain Monday to
/// Friday, and <see cref="CoverageWarning"/> says so well before that happens.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _makeUpDays = [];
    private readonly SortedSet<int> _years;

    public WorkingCalendar(IEnumerable<int> years, IEnumerable<HolidayArrangement> holidays)
    {
        _years = [.. years];
        Holidays = [.. holidays.OrderBy(h => h.FirstDayOff)];
        foreach (var holiday in Holidays)
        {
            _daysOff.UnionWith(holiday.DaysOff());
            _makeUpDays.UnionWith(holiday.MakeUpWorkingDays);
        }
    }

    /// <summary>The years whose official arrangement this calendar holds.</summary>
    public IReadOnlyCollection<int> Years => _years;

    public IReadOnlyList<HolidayArrangement> Holidays { get; }

    /// <summary>The last day of the last year with data, or <c>null</c> for a calendar with none.</summary>
    public DateOnly? DataEndsOn => _years.Count == 0 ? null : new DateOnly(_years.Max, 12, 31);

    public bool Covers(DateOnly day) => _years.Contains(day.Year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpDays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day);
    }

    /// <summary>Whether the day is a statutory day off (not merely a weekend).</summary>
    public bool IsStatutoryDayOff(DateOnly day) => _daysOff.Contains(day);

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day) => OnOrAfter(day.AddDays(1));

    /// <summary>The last working day strictly before <paramref name="day"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly day) => OnOrBefore(day.AddDays(-1));

    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// Moves by whole working days: +3 is the third working day after <paramref name="day"/>, -1 the last
    /// working day before it, 0 the day itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        for (var i = 0; i < workingDays; i++)
        {
            day = NextWorkingDay(day);
        }

        for (var i = 0; i > workingDays; i--)
        {
            day = PreviousWorkingDay(day);
        }

        return day;
    }

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, both inclusive, with whether it is a working day.</summary>
    public IEnumerable<(DateOnly Date, bool Working)> Days(DateOnly from, DateOnly to) =>
        DateRanges.Days(from, to).Select(day => (day, IsWorkingDay(day)));

    /// <summary>
    /// The long holidays whose first working day after falls in the given range (both ends inclusive):
    /// each admitted statutory holiday widened to the whole run of days off around it.
    /// </summary>
    public IReadOnlyList<LongHoliday> LongHolidays(DateOnly from, DateOnly to, LongHolidayPolicy policy)
    {
        var found = new List<LongHoliday>();
        foreach (var holiday in Holidays.Where(policy.Admits))
        {
            var first = holiday.FirstDayOff;
            while (!IsWorkingDay(first.AddDays(-1)))
            {
                first = first.AddDays(-1);
            }

            var last = holiday.LastDayOff;
            while (!IsWorkingDay(last.AddDays(1)))
            {
                last = last.AddDays(1);
            }

            var run = new LongHoliday($"{holiday.Year}-{holiday.Key}", holiday.Name, first, last, last.AddDays(1));
            var isNewRun = found.Count == 0 || found[^1].LastDay < first;
            if (run.Days >= policy.MinimumDays && isNewRun && run.FirstWorkingDayAfter >= from && run.FirstWorkingDayAfter <= to)
            {
                found.Add(run);
            }
        }

        return found;
    }

    /// <summary>
    /// A warning when the calendar's data ends within <paramref name="window"/> days of
    /// <paramref name="asOf"/> (or has already ended), so an administrator adds the next year in time.
    /// </summary>
    public CalendarWarning? CoverageWarning(DateOnly asOf, int window = 60)
    {
        var horizon = asOf.AddDays(window);
        for (var year = asOf.Year; year <= horizon.Year; year++)
        {
            if (!_years.Contains(year))
            {
                var firstUncovered = year == asOf.Year ? asOf : new DateOnly(year, 1, 1);
                return new CalendarWarning(DataEndsOn, firstUncovered);
            }
        }

        return null;
    }
}

/// <summary>The calendar has no official arrangement for <see cref="FirstUncoveredDay"/>, which is near or past.</summary>
public sealed record CalendarWarning(DateOnly? DataEndsOn, DateOnly FirstUncoveredDay)
{
    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"工作日历数据{(DataEndsOn is { } end ? $"截至 {end:yyyy-MM-dd}" : "为空")}，缺少 {FirstUncoveredDay.Year} 年的法定节假日安排；请在此之前补充，否则该年将按周一至周五计算工作日。"),
        string.Create(CultureInfo.InvariantCulture, $"The working-day calendar {(DataEndsOn is { } e ? $"ends on {e:yyyy-MM-dd}" : "is empty")} and has no official holiday arrangement for {FirstUncoveredDay.Year}; add it before then, or that year counts Monday to Friday as working days."));
}
