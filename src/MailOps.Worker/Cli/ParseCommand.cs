using System.CommandLine;
using System.Text.Json;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary><c>mailops parse FILE.eml|DIR [--json]</c>: how MailOps reads each message, without storing anything.</summary>
internal static class ParseCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var path = new Argument<string>("path") { Description = "An .eml file, or a folder whose .eml files (and subfolders') are read." };
        var json = new Option<bool>("--json") { Description = "Write one JSON array to standard output." };
        var command = new Command("parse", "Classify and check report messages: report, unit, period, submitter, or why not, and every finding.") { path, json };
        command.SetAction(parse => CommandContext.WithRegime(env, args, (_, services) =>
        {
            var target = Path.GetFullPath(parse.GetValue(path)!);
            string[] files;
            if (File.Exists(target))
            {
                files = [target];
            }
            else if (Directory.Exists(target))
            {
                files = [.. Directory.EnumerateFiles(target, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
            }
            else
            {
                env.Error.WriteLine($"mailops: parse: {target} is neither a file nor a folder.");
                return ExitCodes.Usage;
            }

            var parser = services.GetRequiredService<MessageParser>();
            var results = new List<ParsedMessageJson>();
            foreach (var file in files)
            {
                byte[] raw;
                try
                {
                    raw = File.ReadAllBytes(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    env.Error.WriteLine($"mailops: parse: cannot read {file}: {ex.Message}");
                    continue;
                }

                results.Add(ToJson(Path.GetRelativePath(File.Exists(target) ? Path.GetDirectoryName(target)! : target, file), parser.Parse(raw, Mailboxes.FolderMailbox.ReceivedAtOf(raw))));
            }

            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(results, CliJson.Readable.ListParsedMessageJson));
            }
            else
            {
                WriteTable(env, results);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static ParsedMessageJson ToJson(string file, ParseOutcome outcome) => new(
        file,
        outcome.MessageId,
        outcome.Message?.Subject,
        outcome.Message?.From?.Address,
        outcome.Submitter,
        outcome.Message?.Received,
        outcome.ReportId,
        outcome.UnitId,
        outcome.PeriodId,
        outcome.Matched,
        outcome.Reason is { } reason ? NonMatchReasons.Name(reason) : null,
        outcome.ReasonDetail?.Zh,
        outcome.ReasonDetail?.En,
        [.. outcome.Findings.Select(f => new FindingJson(FindingKinds.Name(f.Kind), f.Detail.Zh, f.Detail.En))]);

    private static void WriteTable(CliEnvironment env, List<ParsedMessageJson> results)
    {
        var table = new Table().AddColumns("File", "Result", "Report / unit / period", "Findings");
        foreach (var r in results)
        {
            var what = string.Join("\n", new[] { r.Report, r.Unit, r.Period }.Select(v => v ?? "?"));
            var result = r.Matched ? "submission" : $"{r.Reason}\n{r.ReasonDetail}";
            var findings = string.Join("\n", r.Findings.Select(f => $"{f.Kind}: {f.Detail}"));
            table.AddRow(Markup.Escape(r.File), Markup.Escape(result), Markup.Escape(what), Markup.Escape(findings));
        }

        var console = CommandContext.Console(env);
        console.Write(table);
        console.WriteLine($"{results.Count} message(s): {results.Count(r => r.Matched)} submission(s), {results.Count(r => !r.Matched)} not.");
    }
}
