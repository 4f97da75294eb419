using MailOps.Compliance.Common;

namespace MailOps.Compliance.Calendar;

/// <summary>
/// A long holiday (长假): a run of consecutive days off, both ends inclusive, that contains a statutory
/// holiday. <see cref="Id"/> names it as a period, such as <c>2026-national-day</c>.
/// </summary>
public sealed record LongHoliday(string Id, LocalizedText Name, DateOnly FirstDay, DateOnly LastDay, DateOnly FirstWorkingDayAfter)
{
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
}

/// <summary>Which runs of days off count as long holidays.</summary>
/// <param name="MinimumDays">The shortest run that counts; 3 by default.</param>
/// <param name="HolidayKeys">Only these holidays (such as <c>spring-festival</c>); empty for every statutory holiday.</param>
public sealed record LongHolidayPolicy(int MinimumDays, IReadOnlyList<string> HolidayKeys)
{
    public static LongHolidayPolicy Default { get; } = new(3, []);

    public bool Admits(HolidayArrangement holiday) => HolidayKeys.Count == 0 || HolidayKeys.Contains(holiday.Key);
}
