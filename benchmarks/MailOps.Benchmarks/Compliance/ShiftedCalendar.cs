using System.Globalization;
using System.Text.Json.Nodes;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// A shipped year's holidays on the same dates of another year (make-up working days kept where they still fall on a
/// weekend): close enough for a benchmark's years beyond the shipped calendar, not a calendar.
/// </summary>
internal static class ShiftedCalendar
{
    public static JsonArray Holidays(JsonNode template, int templateYear, int year)
    {
        string Shift(JsonNode? date) => DateOnly.Parse(date!.GetValue<string>(), CultureInfo.InvariantCulture).AddYears(year - templateYear).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var holidays = new JsonArray();
        foreach (var holiday in template["holidays"]!.AsArray())
        {
            var makeUp = new JsonArray();
            foreach (var day in holiday!["makeUpWorkingDays"]?.AsArray() ?? [])
            {
                if (DateOnly.Parse(Shift(day), CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    makeUp.Add(Shift(day));
                }
            }

            holidays.Add(new JsonObject
            {
                ["key"] = holiday["key"]!.GetValue<string>(),
                ["name"] = holiday["name"]!.GetValue<string>(),
                ["nameEn"] = holiday["nameEn"]!.GetValue<string>(),
                ["from"] = Shift(holiday["from"]),
                ["to"] = Shift(holiday["to"]),
                ["makeUpWorkingDays"] = makeUp,
            });
        }

        return holidays;
    }
}
