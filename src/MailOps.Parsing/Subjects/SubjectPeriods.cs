using System.Globalization;
using System.Text.RegularExpressions;

namespace MailOps.Parsing.Subjects;

/// <summary>
/// Finds the period a (normalized) subject names, in the order of docs/parsing.md: a date range, a full
/// date, a year and ISO week, a week of a month, an ISO week, a month and day, a year and quarter, a
/// quarter, a year and month, a month. A form without a year takes the year that puts it nearest the
/// received date (months and quarters: the most recent one starting on or before it).
/// </summary>
internal static partial class SubjectPeriods
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    public static SubjectPeriod? Find(string subject, DateOnly received)
    {
        try
        {
            return Range(subject, received)
                ?? FullDate(subject)
                ?? YearWeek(subject)
                ?? MonthWeek(subject, received)
                ?? Week(subject, received)
                ?? MonthDay(subject, received)
                ?? YearQuarter(subject)
                ?? Quarter(subject, received)
                ?? YearMonth(subject)
                ?? Month(subject, received);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The weeks of a month are the ISO weeks whose Thursday falls in it, numbered from 1.</summary>
    public static DateOnly? WeekOfMonth(int year, int month, int week)
    {
        var first = new DateOnly(year, month, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        var thursday = firstThursday.AddDays(7 * (week - 1));
        return thursday.Month == month ? thursday.AddDays(-3) : null;
    }

    private static SubjectPeriod? Range(string s, DateOnly received)
    {
        foreach (Match m in RangePattern().Matches(s))
        {
            var year1 = m.Groups["y1"].Success ? Int(m.Groups["y1"]) : (int?)null;
            var month1 = Int(m.Groups["m1"]);
            var first = year1 is { } y ? Date(y, month1, Int(m.Groups["d1"])) : Nearest(month1, Int(m.Groups["d1"]), received);
            var month2 = m.Groups["m2"].Success ? Int(m.Groups["m2"]) : month1;
            var year2 = m.Groups["y2"].Success ? Int(m.Groups["y2"]) : first?.Year;
            if (first is null || year2 is null)
            {
                continue;
            }

            var last = Date(year2.Value, month2, Int(m.Groups["d2"]));
            if (last is not null && last < first && !m.Groups["y2"].Success)
            {
                last = Date(year2.Value + 1, month2, Int(m.Groups["d2"]));
            }

            if (last is not null && last >= first && last.Value.DayNumber - first.Value.DayNumber <= 100)
            {
                return new SubjectPeriod(SubjectPeriodKind.Range, first.Value, last.Value);
            }
        }

        return null;
    }

    private static SubjectPeriod? FullDate(string s)
    {
        foreach (Match m in FullDatePattern().Matches(s))
        {
            if (Date(Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"])) is { } day)
            {
                return Day(day);
            }
        }

        return null;
    }

    private static SubjectPeriod? YearWeek(string s)
    {
        var m = YearWeekPattern().Match(s);
        return m.Success ? IsoWeek(Int(m.Groups["y"]), Int(m.Groups["w"])) : null;
    }

    private static SubjectPeriod? MonthWeek(string s, DateOnly received)
    {
        var m = MonthWeekPattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var month = Int(m.Groups["m"]);
        var week = Numeral(m.Groups["w"].Value);
        if (month is < 1 or > 12)
        {
            return null;
        }

        var year = m.Groups["y"].Success ? Int(m.Groups["y"]) : MostRecentYear(month, received);
        return WeekOfMonth(year, month, week) is { } monday ? new SubjectPeriod(SubjectPeriodKind.Week, monday, monday.AddDays(6)) : null;
    }

    private static SubjectPeriod? Week(string s, DateOnly received)
    {
        var m = WeekPattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var week = Int(m.Groups["w"]);
        var isoYear = Math.Clamp(ISOWeek.GetYear(received.ToDateTime(TimeOnly.MinValue)), 2001, 2099);
        return new[] { isoYear - 1, isoYear, isoYear + 1 }
            .Select(y => IsoWeek(y, week))
            .OfType<SubjectPeriod>()
            .MinBy(p => Math.Abs(p.First.DayNumber - received.DayNumber));
    }

    private static SubjectPeriod? MonthDay(string s, DateOnly received)
    {
        foreach (var pattern in new[] { MonthDayPattern(), DottedMonthDayPattern() })
        {
            foreach (Match m in pattern.Matches(s))
            {
                if (Nearest(Int(m.Groups["m"]), Int(m.Groups["d"]), received) is { } day)
                {
                    return Day(day);
                }
            }
        }

        return null;
    }

    private static SubjectPeriod? YearQuarter(string s)
    {
        var m = YearQuarterPattern().Match(s);
        return m.Success ? QuarterOf(Int(m.Groups["y"]), Numeral(m.Groups["q"].Value)) : null;
    }

    private static SubjectPeriod? Quarter(string s, DateOnly received)
    {
        var m = QuarterPattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var quarter = Numeral(m.Groups["q"].Value);
        return QuarterOf(MostRecentYear((quarter - 1) * 3 + 1, received), quarter);
    }

    private static SubjectPeriod? YearMonth(string s)
    {
        foreach (Match m in YearMonthPattern().Matches(s))
        {
            var month = Int(m.Groups["m"]);
            if (month is >= 1 and <= 12)
            {
                return MonthOf(Int(m.Groups["y"]), month);
            }
        }

        return null;
    }

    private static SubjectPeriod? Month(string s, DateOnly received)
    {
        foreach (Match m in MonthPattern().Matches(s))
        {
            var month = Int(m.Groups["m"]);
            if (month is >= 1 and <= 12)
            {
                return MonthOf(MostRecentYear(month, received), month);
            }
        }

        return null;
    }

    private static int MostRecentYear(int month, DateOnly received) =>
        new DateOnly(received.Year, month, 1) <= received ? received.Year : Math.Max(1, received.Year - 1);

    private static DateOnly? Nearest(int month, int day, DateOnly received) =>
        new[] { received.Year - 1, received.Year, received.Year + 1 }
            .Select(y => Date(y, month, day))
            .OfType<DateOnly>()
            .Select(d => (DateOnly?)d)
            .MinBy(d => Math.Abs(d!.Value.DayNumber - received.DayNumber));

    private static SubjectPeriod Day(DateOnly day) => new(SubjectPeriodKind.Day, day, day);

    private static SubjectPeriod? MonthOf(int year, int month)
    {
        if (year is < 2000 or > 2100)
        {
            return null;
        }

        var first = new DateOnly(year, month, 1);
        return new(SubjectPeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    private static SubjectPeriod? QuarterOf(int year, int quarter)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100)
        {
            return null;
        }

        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(SubjectPeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    private static SubjectPeriod? IsoWeek(int year, int week)
    {
        if (year is < 2000 or > 2100 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new(SubjectPeriodKind.Week, monday, monday.AddDays(6));
    }

    private static DateOnly? Date(int year, int month, int day) =>
        year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Numeral(string text) => text switch
    {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        _ => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
    };

    private const string Y = @"(?<!\d)(?<y>20\d{2})";
    private const string DaySuffix = @"\s?[日号]?";

    [GeneratedRegex(@"(?<!\d)(?:(?<y1>20\d{2})\s?[-/.年]\s?)?(?<m1>\d{1,2})\s?[-/.月]\s?(?<d1>\d{1,2})\s?[日号]?\s?(?:至|到|~|—|–|-)\s?(?:(?:(?<y2>20\d{2})\s?[-/.年]\s?)?(?<m2>\d{1,2})\s?[-/.月]\s?)?(?<d2>\d{1,2})\s?[日号]?(?!\d)", RegexOptions.CultureInvariant, 50)]
    private static partial Regex RangePattern();

    [GeneratedRegex(Y + @"\s?[-/.年]\s?(?<m>\d{1,2})\s?[-/.月]\s?(?<d>\d{1,2})(?!\d)" + DaySuffix, RegexOptions.CultureInvariant, 50)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(Y + @"(?:\s?年\s?第\s?(?<w>\d{1,2})\s?周|\s?-?W(?<w>\d{1,2})(?!\d))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 50)]
    private static partial Regex YearWeekPattern();

    [GeneratedRegex(@"(?:(?<!\d)(?<y>20\d{2})\s?年\s?)?(?<!\d)(?<m>\d{1,2})\s?月\s?(?:份\s?)?第\s?(?<w>[一二三四五六1-6])\s?周", RegexOptions.CultureInvariant, 50)]
    private static partial Regex MonthWeekPattern();

    [GeneratedRegex(@"第\s?(?<w>\d{1,2})\s?周", RegexOptions.CultureInvariant, 50)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})\s?月\s?(?<d>\d{1,2})\s?[日号]", RegexOptions.CultureInvariant, 50)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"(?<![\d.])(?<m>\d{1,2})\.(?<d>\d{1,2})(?![\d.])", RegexOptions.CultureInvariant, 50)]
    private static partial Regex DottedMonthDayPattern();

    [GeneratedRegex(Y + @"(?:\s?年?\s?第?\s?(?<q>[一二三四1-4])\s?季度|\s?[-年]?\s?Q(?<q>[1-4])(?!\d))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 50)]
    private static partial Regex YearQuarterPattern();

    [GeneratedRegex(@"(?:第?\s?(?<q>[一二三四1-4])\s?季度|(?<![A-Za-z])Q(?<q>[1-4])(?!\d))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 50)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(Y + @"(?:\s?年\s?(?<m>\d{1,2})\s?月(?!\s?\d)|-(?<m>\d{1,2})(?![\d-]))", RegexOptions.CultureInvariant, 50)]
    private static partial Regex YearMonthPattern();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})\s?月(?!\s?\d)", RegexOptions.CultureInvariant, 50)]
    private static partial Regex MonthPattern();
}
