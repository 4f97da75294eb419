using System.Globalization;

namespace MailOps.Compliance.Deadlines;

/// <summary>
/// What an obligation reports on, named as in the public contract: <c>2026-11-23</c>, <c>2026-W47</c>
/// (ISO week), <c>2026-11</c>, <c>2026-Q4</c>, or an event id (a window's day as <c>event@2026-11-23</c>, a
/// recurring report as <c>event#2</c>, a long holiday as <c>2026-national-day</c>). <see cref="End"/> is inclusive.
/// </summary>
public sealed record Period(string Id, DateOnly Start, DateOnly End)
{
    public static Period Day(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day);

    public static Period Week(DateOnly anyDay)
    {
        var monday = anyDay.AddDays(-(((int)anyDay.DayOfWeek + 6) % 7));
        var thursday = monday.AddDays(3).ToDateTime(TimeOnly.MinValue);
        var id = $"{ISOWeek.GetYear(thursday)}-W{ISOWeek.GetWeekOfYear(thursday):00}";
        return new(id, monday, monday.AddDays(6));
    }

    public static Period Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new($"{year:0000}-{month:00}", first, first.AddMonths(1).AddDays(-1));
    }

    public static Period Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new($"{year:0000}-Q{quarter}", first, first.AddMonths(3).AddDays(-1));
    }

    public static Period MonthOf(DateOnly day) => Month(day.Year, day.Month);

    public static Period QuarterOf(DateOnly day) => Quarter(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>Every month with a day from <paramref name="from"/> to <paramref name="to"/> (both inclusive), in order; none when <paramref name="to"/> is earlier.</summary>
    public static IEnumerable<Period> MonthsTouching(DateOnly from, DateOnly to)
    {
        for (var month = MonthOf(from); from <= to && month.Start <= to; month = MonthOf(month.End.AddDays(1)))
        {
            yield return month;
        }
    }

    /// <summary>Every quarter with a day from <paramref name="from"/> to <paramref name="to"/> (both inclusive), in order; none when <paramref name="to"/> is earlier.</summary>
    public static IEnumerable<Period> QuartersTouching(DateOnly from, DateOnly to)
    {
        for (var quarter = QuarterOf(from); from <= to && quarter.Start <= to; quarter = QuarterOf(quarter.End.AddDays(1)))
        {
            yield return quarter;
        }
    }

    /// <summary>Reads a calendar period id (<c>2026-11-23</c>, <c>2026-W47</c>, <c>2026-11</c>, <c>2026-Q4</c>); event ids are not calendar periods.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = null!;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            period = Day(day);
            return true;
        }

        var parts = text.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || parts[0].Length != 4 || year is < 1 or > 9998)
        {
            return false;
        }

        var rest = parts[1];
        if (rest.Length == 3 && rest[0] == 'W' && int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            period = Week(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
            return true;
        }

        if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
        {
            period = Quarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = Month(year, month);
            return true;
        }

        return false;
    }

    public override string ToString() => Id;
}
