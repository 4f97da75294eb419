using System.CommandLine;
using MailOps.Compliance.Deadlines;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Running;
using MailOps.Worker.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops export --month 2026-11 | --quarter 2026-Q4 --out FILE.xlsx</c>: the assessment as the 考核表 workbook
/// (<see cref="AssessmentWorkbook"/>), judged now from the store, the same file the console's Scores page gives.
/// A running worker holds the store: beside it, the command says to take the file from the console.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var month = new Option<string?>("--month") { Description = "The month assessed (YYYY-MM)." };
        var quarter = new Option<string?>("--quarter") { Description = "The quarter assessed (YYYY-QN), ranked by the mean of its months." };
        var output = new Option<string>("--out") { Description = "The .xlsx file to write.", Required = true };
        var command = new Command("export", "Write a month's or a quarter's assessment as the 考核表 workbook (.xlsx): units, each obligation fault with its deduction and evidence, totals, rank.") { month, quarter, output };
        command.SetAction(parse => CommandContext.WithRegime(env, args, (regime, services) =>
        {
            if (PeriodOf(env, parse.GetValue(month), parse.GetValue(quarter)) is not { } period)
            {
                return ExitCodes.Usage;
            }

            var path = StoreAccess.PathOf(services);
            if (StatusFile.Read(path) is { } status && StoreAccess.IsAlive(status.ProcessId, startedAt: status.ProcessStartedAt))
            {
                env.Error.WriteLine($"mailops: the running worker (process {status.ProcessId}) holds the store {path}; take the same workbook from its console's Scores page (/scores?handler=Export&period={period.Id}).");
                return ExitCodes.Unavailable;
            }

            using var store = StoreAccess.TryOpen(services, env);
            if (store is null)
            {
                return ExitCodes.Unavailable;
            }

            var options = services.GetRequiredService<IOptions<AssessmentOptions>>().Value;
            var snapshot = new Assessor(regime, options).Judge(store, env.Time.GetUtcNow());
            var target = Path.GetFullPath(parse.GetValue(output)!);
            var temporary = target + ".tmp";
            try
            {
                using (var file = File.Create(temporary))
                {
                    AssessmentWorkbook.Write(file, regime, options, services.GetRequiredService<Notifier>(), snapshot, period);
                }

                File.Move(temporary, target, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
                env.Error.WriteLine($"mailops: --out: {target} could not be written: {ex.Message}");
                return ExitCodes.Unavailable;
            }

            env.Out.WriteLine($"Wrote the 考核表 of {period.Id} to {target}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Period? PeriodOf(CliEnvironment env, string? month, string? quarter)
    {
        if ((month is null) == (quarter is null))
        {
            env.Error.WriteLine("mailops: export needs exactly one of --month YYYY-MM and --quarter YYYY-QN.");
            return null;
        }

        if (month is not null)
        {
            return Period.TryParse(month, out var m) && AssessmentWorkbook.IsMonth(m) ? m : Refused(env, "--month", month, "a month such as 2026-11");
        }

        return Period.TryParse(quarter, out var q) && AssessmentWorkbook.IsQuarter(q) ? q : Refused(env, "--quarter", quarter!, "a quarter such as 2026-Q4");
    }

    private static Period? Refused(CliEnvironment env, string option, string value, string what)
    {
        env.Error.WriteLine($"mailops: {option}: \"{value}\" is not {what}.");
        return null;
    }
}
