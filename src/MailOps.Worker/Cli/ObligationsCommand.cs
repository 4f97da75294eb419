using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using MailOps.Compliance.Deadlines;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary><c>mailops obligations --from D --to D [--unit U] [--json]</c>: what is owed, by whom, by when.</summary>
internal static class ObligationsCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var from = DateArguments.Required("--from", "First due date");
        var to = DateArguments.Required("--to", "Last due date, inclusive");
        var unit = new Option<string?>("--unit") { Description = "Only this unit's obligations (a unit id of the directory)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON array to standard output." };
        var command = new Command("obligations", "List the reports falling due between two dates, per unit, with their due instants.") { from, to, unit, json };
        command.SetAction(parse => !DateArguments.TryRange(parse, from, to, env, out var first, out var last) ? ExitCodes.Usage : CommandContext.WithRegime(env, args, (regime, _) =>
        {
            var unitId = parse.GetValue(unit);
            if (unitId is not null && regime.Directory.FindUnit(unitId) is null)
            {
                env.Error.WriteLine($"mailops: --unit: no unit \"{unitId}\" in the directory; known units: {string.Join(", ", regime.Directory.Units.Select(u => u.Id))}.");
                return ExitCodes.Usage;
            }

            var obligations = new ObligationGenerator(regime).Generate(first, last, unitId);
            var rows = obligations.Select(o => new ObligationJson(o.ReportId, o.UnitId, o.Period.Id, o.Due, o.Opens, o.EventId)).ToList();
            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Readable.ListObligationJson));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Due", "Unit", "Report", "Period");
            foreach (var o in rows)
            {
                table.AddRow(o.Due.ToString("yyyy-MM-dd ddd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(o.Unit), Markup.Escape(o.Report), Markup.Escape(o.Period));
            }

            var console = CommandContext.Console(env);
            console.Write(table);
            console.WriteLine($"{rows.Count} obligation(s).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
