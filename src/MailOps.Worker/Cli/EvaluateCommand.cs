using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;
using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops evaluate --inbox DIR --as-of T [--since D] [--json]</c>: offline, reads a folder of <c>.eml</c> into a
/// throw-away store, judges every obligation due from the assessment's start to the end of T's week as at T,
/// and prints the results, the messages that were not matched, and the scores of every month and quarter that
/// range touches. A first due date after T judges nothing, and says so on standard error (and in <c>warnings</c>).
/// Sends nothing.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var inbox = new Option<string>("--inbox") { Description = "A folder of .eml files (the received instant is each file's X-Received-At, Received or Date header).", Required = true };
        var asOf = InstantArgument.Option("--as-of", "Judge as at this instant", required: true);
        var since = new Option<string?>("--since") { Description = "First due date assessed (YYYY-MM-DD); default MailOps:Assessment:Since." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to standard output." };
        var command = new Command("evaluate", "Judge a folder of report mail offline at an instant: obligations, unmatched messages, scores. Sends nothing.") { inbox, asOf, since, json };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var options = services.GetRequiredService<IOptions<AssessmentOptions>>().Value;
            var sinceSource = AssessmentOptions.Section + ":Since";
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                {
                    await env.Error.WriteLineAsync($"mailops: --since: \"{sinceText}\" is not a date of the form YYYY-MM-DD.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                options = new AssessmentOptions { Since = first };
                sinceSource = "--since";
            }

            var at = parse.GetValue(asOf)!.Resolve(regime.Zone);
            OfflineInbox offline;
            try
            {
                offline = await OfflineInbox.ReadAsync(services.GetRequiredService<MessageParser>(), parse.GetValue(inbox)!, env.Time, cancellation, services.GetRequiredService<Events.LiveEvents>()).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or IOException or UnauthorizedAccessException or StoreException)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }

            using (offline)
            {
                // The events the folder's invitations and the events file declare, as the worker would hold them.
                regime = Events.LiveEvents.RegimeOf(regime, offline.Store);
                var assessor = new Assessor(regime, options);
                var snapshot = assessor.Judge(offline.Store, at);
                var (from, to) = assessor.Range(at);
                var document = Document(regime, options, snapshot, offline.Store, from, to) with { Warnings = Warnings(regime, options, sinceSource, at) };
                foreach (var warning in document.Warnings)
                {
                    await env.Error.WriteLineAsync($"mailops: warning: {warning}").ConfigureAwait(false);
                }

                if (parse.GetValue(json))
                {
                    await env.Out.WriteLineAsync(JsonSerializer.Serialize(document, CliJson.Readable.EvaluationJson)).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                Print(env, regime, document, offline.Counts.Parsed + offline.Counts.Skipped);
                return ExitCodes.Success;
            }
        }));
        return command;
    }

    /// <summary>The evaluation as the JSON contract spells it.</summary>
    internal static EvaluationJson Document(Compliance.Regime regime, AssessmentOptions options, Snapshot snapshot, MailStore store, DateOnly from, DateOnly to)
    {
        var units = regime.Directory.AssessedUnits.Select(u => u.Id).ToList();
        var ledger = new ScoreCalculator(regime.Zone, options.Scoring).Ledger(snapshot.Results, snapshot.Entries);
        var evaluator = new ObligationEvaluator(regime.Calendar, regime.Zone, options.Scoring);
        var scores = Period.MonthsTouching(from, to).Concat(Period.QuartersTouching(from, to))
            .SelectMany(p => ledger.ScoreAll(units, p))
            .Select(c => new ScoreJson(c.UnitId, c.Period.Id, c.Score, c.Deductions, c.ObligationsDue, c.ObligationsFaulted))
            .ToList();
        var obligations = snapshot.Results
            .Select(r => new ObligationResultJson(
                r.Obligation.ReportId,
                r.Obligation.UnitId,
                r.Obligation.Period.Id,
                r.Obligation.Due,
                ObligationStatuses.Name(r.Status),
                r.WorkingDaysLate,
                r.Deduction,
                [.. r.Findings.Select(f => new AssessedFindingJson(FindingKinds.Name(f.Kind), f.Detail.Zh, f.Detail.En, f.Points))],
                r.Counted?.MessageId,
                r.Counted?.Received,
                r.Counted?.Sender,
                r.AfterBooksClosed is { } late ? new AfterBooksClosedJson(late.MessageId, late.Received, late.Sender, evaluator.BooksClose(r.Obligation)) : null))
            .ToList();
        var unmatchedOutcomes = store.AllOutcomes().Where(o => !o.Matched && (o.Received ?? DateTimeOffset.MinValue) <= snapshot.AsOf).ToList();
        var messages = store.MessagesById(unmatchedOutcomes.Select(o => o.Id));
        var unmatched = unmatchedOutcomes
            .Select(o => new UnmatchedJson(o.MessageId, o.Reason is { } reason ? NonMatchReasons.Name(reason) : "", o.ReasonDetail, messages.GetValueOrDefault(o.Id)?.From, messages.GetValueOrDefault(o.Id)?.Subject, o.Received))
            .OrderBy(u => u.Received)
            .ToList();
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new EvaluationJson(snapshot.AsOf, day(from), day(to), obligations, unmatched, scores, []);
    }

    // The first due date assessed after T leaves nothing to judge: say so rather than print an empty success.
    private static List<string> Warnings(Compliance.Regime regime, AssessmentOptions options, string sinceSource, DateTimeOffset asOf) =>
        options.Since is { } since && regime.Zone.StartOf(since) > asOf
            ? [string.Create(CultureInfo.InvariantCulture, $"{sinceSource} {since:yyyy-MM-dd} is after the as-of instant {InstantText.Of(regime.Zone, asOf)}: no obligation due by then is judged.")]
            : [];

    private static void Print(CliEnvironment env, Compliance.Regime regime, EvaluationJson document, int messages)
    {
        var console = CommandContext.Console(env);
        var faults = document.Obligations.Where(o => o.Deduction > 0 || o.Status is "overdue" or "missing").ToList();
        var table = new Table().AddColumns("Unit", "Report", "Period", "Status", "Points", "Findings");
        foreach (var o in faults)
        {
            table.AddRow(
                Markup.Escape(o.Unit),
                Markup.Escape(o.Report),
                Markup.Escape(o.Period),
                Markup.Escape(o.Status),
                o.Deduction.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("; ", o.Findings.Select(f => f.DetailEn))));
        }

        console.Write(table);
        var closed = document.Obligations.Where(o => o.AfterBooksClosed is not null).ToList();
        if (closed.Count > 0)
        {
            env.Out.WriteLine("Received after their quarter's books closed, so not counted (each obligation stays missing):");
            foreach (var o in closed)
            {
                var late = o.AfterBooksClosed!;
                var (booksClosed, received) = InstantText.Compared(regime.Zone, late.BooksClosed, late.Received);
                env.Out.WriteLine($"  {o.Report}/{o.Unit}/{o.Period} ({o.Status}): {late.MessageId} from {late.Sender}, received {received}, after the books closed at {booksClosed}");
            }
        }

        var scores = new Table().AddColumns("Unit", "Period", "Score", "Deductions", "Due", "Faulted");
        foreach (var s in document.Scores)
        {
            scores.AddRow(Markup.Escape(regime.Directory.FindUnit(s.Unit)?.Name.En ?? s.Unit), s.Period, s.Score.ToString(CultureInfo.InvariantCulture), s.Deductions.ToString(CultureInfo.InvariantCulture), s.ObligationsDue.ToString(CultureInfo.InvariantCulture), s.ObligationsFaulted.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(scores);
        var count = (string status) => document.Obligations.Count(o => o.Status == status);
        // The summary is one line whatever the width: written past the table library, which would wrap it.
        env.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{messages} message(s) read; {document.Obligations.Count} obligation(s) due {document.From} to {document.To}: {count("on-time")} on time, {count("late")} late, {count("overdue")} overdue, {count("missing")} missing, {count("pending")} pending; {faults.Count} with deductions; {document.Unmatched.Count} message(s) not matched."));
    }
}
