using System.Globalization;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Calendar;

/// <summary>Builds a <see cref="WorkingCalendar"/> from one document per year, checking each entry.</summary>
public static class CalendarLoader
{
    private const int LongestHoliday = 14;

    public static LoadResult<WorkingCalendar> Load(IEnumerable<SourceText> files)
    {
        var errors = new List<ConfigurationError>();
        var years = new Dictionary<int, string>();
        var holidays = new List<HolidayArrangement>();

        foreach (var file in files)
        {
            var document = JsonDocuments.Read(file.Name, file.Text, ConfigurationJson.Default.CalendarDocument, errors);
            if (document is null)
            {
                continue;
            }

            if (document.Year is not { } year || year is < 2000 or > 2100)
            {
                errors.Add(new ConfigurationError(file.Name, "year", "a year between 2000 and 2100 is required"));
                continue;
            }

            if (!years.TryAdd(year, file.Name))
            {
                errors.Add(new ConfigurationError(file.Name, "year", $"{year} is already given by {years[year]}"));
                continue;
            }

            var entries = document.Holidays ?? [];
            for (var i = 0; i < entries.Count; i++)
            {
                if (ReadHoliday(file.Name, $"holidays[{i}]", year, entries[i], errors) is { } holiday)
                {
                    holidays.Add(holiday);
                }
            }
        }

        CheckOverlaps(holidays, years, errors);
        return LoadResult<WorkingCalendar>.From(new WorkingCalendar(years.Keys, holidays), errors);
    }

    private static HolidayArrangement? ReadHoliday(string source, string at, int year, HolidayDocument entry, List<ConfigurationError> errors)
    {
        var count = errors.Count;
        void Fail(string message) => errors.Add(new ConfigurationError(source, at + (entry.Key is null ? "" : $" ({entry.Key})"), message));

        if (string.IsNullOrWhiteSpace(entry.Key))
        {
            Fail("a key such as \"national-day\" is required");
        }

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            Fail("a Chinese name is required");
        }

        if (!TextValues.TryDate(entry.From, out var from))
        {
            Fail($"from: \"{entry.From}\" is not a date of the form YYYY-MM-DD");
        }

        if (!TextValues.TryDate(entry.To, out var to))
        {
            Fail($"to: \"{entry.To}\" is not a date of the form YYYY-MM-DD");
        }

        if (errors.Count == count)
        {
            if (to < from)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd})"));
            }
            else if (to.DayNumber - from.DayNumber + 1 > LongestHoliday)
            {
                Fail($"{to.DayNumber - from.DayNumber + 1} days off in a row is more than any official arrangement gives ({LongestHoliday}); check the dates");
            }
            else if (Math.Abs(from.Year - year) > 1 || Math.Abs(to.Year - year) > 1)
            {
                Fail($"the dates are not near the file's year {year}");
            }
        }

        var makeUp = new List<DateOnly>();
        foreach (var text in entry.MakeUpWorkingDays ?? [])
        {
            if (!TextValues.TryDate(text, out var day))
            {
                Fail($"makeUpWorkingDays: \"{text}\" is not a date of the form YYYY-MM-DD");
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"makeUpWorkingDays: {day:yyyy-MM-dd} is a {day.DayOfWeek}, already a working day; a make-up day is a weekend day worked"));
            }
            else if (day >= from && day <= to)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"makeUpWorkingDays: {day:yyyy-MM-dd} lies inside the holiday's own days off"));
            }
            else
            {
                makeUp.Add(day);
            }
        }

        if (errors.Count != count)
        {
            return null;
        }

        return new HolidayArrangement(year, entry.Key!, new LocalizedText(entry.Name!, entry.NameEn ?? entry.Key!), from, to, makeUp);
    }

    private static void CheckOverlaps(List<HolidayArrangement> holidays, Dictionary<int, string> sources, List<ConfigurationError> errors)
    {
        var makeUpDays = holidays.SelectMany(h => h.MakeUpWorkingDays.Select(d => (Day: d, Holiday: h))).ToList();
        foreach (var holiday in holidays)
        {
            foreach (var (day, owner) in makeUpDays.Where(m => m.Day >= holiday.FirstDayOff && m.Day <= holiday.LastDayOff))
            {
                errors.Add(new ConfigurationError(
                    sources[owner.Year],
                    $"holidays ({owner.Key}).makeUpWorkingDays",
                    string.Create(CultureInfo.InvariantCulture, $"make-up working day {day:yyyy-MM-dd} falls inside {holiday.Year} {holiday.Key} ({holiday.FirstDayOff:yyyy-MM-dd} to {holiday.LastDayOff:yyyy-MM-dd})")));
            }
        }
    }
}
