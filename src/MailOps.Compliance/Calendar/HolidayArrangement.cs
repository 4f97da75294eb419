using MailOps.Compliance.Common;

namespace MailOps.Compliance.Calendar;

/// <summary>
/// One statutory holiday of one year's official arrangement: its days off (both ends inclusive) and the
/// weekend days worked to make up for it (调休上班).
/// </summary>
public sealed record HolidayArrangement(
    int Year,
    string Key,
    LocalizedText Name,
    DateOnly FirstDayOff,
    DateOnly LastDayOff,
    IReadOnlyList<DateOnly> MakeUpWorkingDays)
{
    public IEnumerable<DateOnly> DaysOff() => DateRanges.Days(FirstDayOff, LastDayOff);
}
