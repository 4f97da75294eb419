using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary><c>mailops calendar --from D --to D [--json]</c>: which days are working days, and why.</summary>
internal static class CalendarCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var from = DateArguments.Required("--from", "First day");
        var to = DateArguments.Required("--to", "Last day, inclusive");
        var json = new Option<bool>("--json") { Description = "Write one JSON array to standard output." };
        var command = new Command("calendar", "Show the working-day calendar: weekends, statutory holidays and make-up working days.") { from, to, json };
        command.SetAction(parse => !DateArguments.TryRange(parse, from, to, env, out var first, out var last) ? ExitCodes.Usage : CommandContext.WithRegime(env, args, (regime, _) =>
        {
            var calendar = regime.Calendar;
            var holidays = calendar.Holidays.SelectMany(h => h.DaysOff().Select(d => (Day: d, h.Name.Zh))).ToDictionary(x => x.Day, x => x.Zh);
            var makeUp = calendar.Holidays.SelectMany(h => h.MakeUpWorkingDays).ToHashSet();
            var days = calendar.Days(first, last)
                .Select(d => new CalendarDayJson(
                    d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    d.Date.DayOfWeek.ToString(),
                    d.Working,
                    holidays.GetValueOrDefault(d.Date),
                    makeUp.Contains(d.Date),
                    calendar.Covers(d.Date)))
                .ToList();

            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(days, CliJson.Readable.ListCalendarDayJson));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Date", "Day", "Working", "Why");
            foreach (var d in days)
            {
                var why = d.Holiday ?? (d.MakeUpWorkingDay ? "调休上班 make-up working day" : d.Covered ? "" : "no calendar data: Monday to Friday assumed");
                table.AddRow(d.Date, d.Weekday[..3], d.Working ? "yes" : "no", Markup.Escape(why));
            }

            CommandContext.Console(env).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}
