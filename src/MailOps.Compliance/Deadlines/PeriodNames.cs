using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;

namespace MailOps.Compliance.Deadlines;

/// <summary>
/// What people call the period an obligation reports on, in Chinese and English: <c>11月23日</c>, <c>第44周（10.26–11.1）</c>,
/// <c>2026年11月</c>, <c>2026年第四季度</c>, <c>国庆节长假（10月1日–7日）</c>, and an event by its kind and dates
/// (<c>11月30日例会</c>, a day of its window as <c>工地开放 11月21日</c>). Dates leave out the year unless a range crosses one.
/// A period this cannot read (an event the regime no longer holds) is its id.
/// </summary>
public sealed class PeriodNames(Regime regime)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Quarters = ["一", "二", "三", "四"];

    public LocalizedText Of(Obligation obligation) => Of(obligation.Period, obligation.EventId);

    /// <summary>
    /// A calendar period (day, ISO week, month, quarter), a long holiday, or a period of the event <paramref name="eventId"/>
    /// (the event itself, <c>event@day</c> or <c>event#N</c>); any other is its id.
    /// </summary>
    public LocalizedText Of(Period period, string? eventId = null)
    {
        if (eventId is not null)
        {
            return OfEvent(period, eventId);
        }

        if (!Period.TryParse(period.Id, out var calendar) || calendar != period)
        {
            return Holiday(period) ?? Id(period);
        }

        var (start, end) = (period.Start, period.End);
        if (start == end)
        {
            return Day(start);
        }

        if (start.Day == 1 && end == start.AddMonths(1).AddDays(-1))
        {
            return new($"{start.Year}年{start.Month}月", start.ToString("MMMM yyyy", Invariant));
        }

        if (start.Day == 1 && end == start.AddMonths(3).AddDays(-1))
        {
            var quarter = (start.Month - 1) / 3;
            return new($"{start.Year}年第{Quarters[quarter]}季度", $"Q{quarter + 1} {start.Year}");
        }

        var week = ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue));
        var dots = start.Year == end.Year
            ? string.Create(Invariant, $"{start:M.d}–{end:M.d}")
            : string.Create(Invariant, $"{start:yyyy.M.d}–{end:yyyy.M.d}");
        return new(string.Create(Invariant, $"第{week}周（{dots}）"), string.Create(Invariant, $"week {week} ({RangeEn(start, end)})"));
    }

    private LocalizedText OfEvent(Period period, string eventId)
    {
        var e = regime.Events.FirstOrDefault(e => e.Id == eventId);
        if (e is null)
        {
            return Id(period);
        }

        var kind = EventKinds.NameOf(e.Kind) ?? new LocalizedText(e.Note ?? e.Kind, e.Kind);
        var (first, last) = (regime.Zone.DateOf(e.Start), regime.Zone.DateOf(e.End));

        // A day of the event's window (event@day): the event, then the day.
        if (period.Id.StartsWith(eventId + "@", StringComparison.Ordinal))
        {
            var day = Day(period.Start);
            return new($"{kind.Zh} {day.Zh}", $"{kind.En}, {day.En}");
        }

        var dates = Range(first, last);
        var named = new LocalizedText(dates.Zh + kind.Zh, $"{kind.En}, {dates.En}");

        // One of a series of reports before the event (event#N).
        if (period.Id.StartsWith(eventId + "#", StringComparison.Ordinal) && int.TryParse(period.Id.AsSpan(eventId.Length + 1), NumberStyles.None, Invariant, out var number))
        {
            return new(string.Create(Invariant, $"{named.Zh}·第{number}次"), string.Create(Invariant, $"{named.En}: report {number}"));
        }

        return named;
    }

    // A long holiday's period is "{year}-{key}" of its statutory holiday, over the run of days off.
    private LocalizedText? Holiday(Period period)
    {
        var holiday = regime.Calendar.Holidays.FirstOrDefault(h => string.Create(Invariant, $"{h.Year}-{h.Key}") == period.Id);
        if (holiday is null)
        {
            return null;
        }

        var dates = Range(period.Start, period.End);
        return new($"{holiday.Name.Zh}长假（{dates.Zh}）", $"{holiday.Name.En} holiday ({dates.En})");
    }

    /// <summary>Days from <paramref name="first"/> to <paramref name="last"/>, both inclusive: <c>11月20日–22日</c>, <c>20–22 Nov</c>; one day alone.</summary>
    public static LocalizedText Days(DateOnly first, DateOnly last) => Range(first, last);

    private static LocalizedText Day(DateOnly day) =>
        new(string.Create(Invariant, $"{day.Month}月{day.Day}日"), day.ToString("d MMM", Invariant));

    private static LocalizedText Range(DateOnly first, DateOnly last)
    {
        if (first == last)
        {
            return Day(first);
        }

        var zh = first.Year != last.Year ? $"{first.Year}年{first.Month}月{first.Day}日–{last.Year}年{last.Month}月{last.Day}日"
            : first.Month != last.Month ? $"{first.Month}月{first.Day}日–{last.Month}月{last.Day}日"
            : $"{first.Month}月{first.Day}日–{last.Day}日";
        return new(zh, RangeEn(first, last));
    }

    private static string RangeEn(DateOnly first, DateOnly last) =>
        first.Year != last.Year ? $"{first.ToString("d MMM yyyy", Invariant)}–{last.ToString("d MMM yyyy", Invariant)}"
        : first.Month != last.Month ? $"{first.ToString("d MMM", Invariant)}–{last.ToString("d MMM", Invariant)}"
        : $"{first.Day.ToString(Invariant)}–{last.ToString("d MMM", Invariant)}";

    private static LocalizedText Id(Period period) => new(period.Id, period.Id);
}
