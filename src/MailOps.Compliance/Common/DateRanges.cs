namespace MailOps.Compliance.Common;

/// <summary>Small date helpers shared by the calendar, the deadline rules and evaluation.</summary>
internal static class DateRanges
{
    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Day <paramref name="day"/> of the month, or the month's last day when it is shorter (the 30th of February is the 28th).</summary>
    public static DateOnly Clamped(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
