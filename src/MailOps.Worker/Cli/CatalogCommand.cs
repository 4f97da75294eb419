using System.CommandLine;
using System.Text.Json;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Organisation;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary><c>mailops catalog [--json]</c>: every report of the regime, its deadline and recipients.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var json = new Option<bool>("--json") { Description = "Write one JSON array to standard output." };
        var command = new Command("catalog", "List the reports of the regime with their deadlines and recipients.") { json };
        command.SetAction(parse => CommandContext.WithRegime(env, args, (regime, _) =>
        {
            var entries = regime.Catalog.Reports.Select(ToJson).ToList();
            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(entries, CliJson.Readable.ListCatalogEntryJson));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Id", "Name", "Channel", "Deadline", "To", "CC");
            foreach (var e in entries)
            {
                table.AddRow(
                    Markup.Escape(e.Id),
                    Markup.Escape($"{e.Name}\n{e.NameEn}"),
                    e.Monitored ? e.Channel : $"{e.Channel} (not watched)",
                    Markup.Escape(e.Deadline),
                    Markup.Escape(string.Join("\n", e.To)),
                    Markup.Escape(string.Join("\n", e.Cc)));
            }

            CommandContext.Console(env).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static CatalogEntryJson ToJson(ReportDefinition r) => new(
        r.Id,
        r.Name.Zh,
        r.Name.En,
        Names.Kebab(r.Category),
        UnitKinds.Name(r.Owner),
        r.SubmitterRole,
        Names.Kebab(r.Channel),
        r.Monitored,
        r.Enabled,
        r.Deadline.Kind,
        r.Deadline.Describe(),
        Names.Kebab(r.NonWorkingDay),
        r.To,
        r.Cc,
        r.Keywords,
        r.ExcludeWords);
}
