using System.CommandLine;
using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops adjudicate</c>: records what only a person can decide, with a reason and an author, in the store's
/// audit trail: a report instance judged wrong (错报) or concealed (瞒报), an additional penalty (追加处罚) on a
/// unit, or an unauthenticated sender's report accepted as the unit's submission.
/// </summary>
internal static class AdjudicateCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var kind = new Option<string>("--kind") { Description = "wrong, concealed, additional-penalty, or accept.", Required = true };
        var obligation = new Option<string?>("--obligation") { Description = "The report instance, report/unit/period (wrong, concealed), such as crm-monthly/cq-crm/2026-11." };
        var unit = new Option<string?>("--unit") { Description = "The unit (additional-penalty)." };
        var points = new Option<int?>("--points") { Description = "Points (additional-penalty; wrong and concealed take the regime's 5 and 10)." };
        var date = new Option<string?>("--date") { Description = "The day an additional penalty counts on (YYYY-MM-DD); default today." };
        var message = new Option<string?>("--message") { Description = "The stored message to accept (accept): its Message-ID or the mailbox's id." };
        var reason = new Option<string>("--reason") { Description = "Why: kept with the entry and in the audit trail.", Required = true };
        var author = new Option<string>("--author") { Description = "Who decides: kept with the entry and in the audit trail.", Required = true };
        var command = new Command("adjudicate", "Record a person's judgement: a wrong or concealed report, an additional penalty, or an accepted unauthenticated report.")
        {
            kind, obligation, unit, points, date, message, reason, author,
        };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var why = parse.GetValue(reason)!.Trim();
            var who = parse.GetValue(author)!.Trim();
            if (why.Length == 0 || who.Length == 0)
            {
                env.Error.WriteLine("mailops: --reason and --author must not be blank: every judgement names why and who.");
                return ExitCodes.Usage;
            }

            var policy = services.GetRequiredService<IOptions<AssessmentOptions>>().Value.Scoring;
            var kindText = parse.GetValue(kind)!;
            StoredManualEntry? entry;
            if (kindText == "accept")
            {
                return await AcceptAsync(env, services, parse.GetValue(message), who, why, cancellation).ConfigureAwait(false);
            }

            if (!ManualEntryKinds.TryParse(kindText, out var entryKind))
            {
                env.Error.WriteLine($"mailops: --kind: \"{kindText}\" is not wrong, concealed, additional-penalty or accept.");
                return ExitCodes.Usage;
            }

            if (entryKind == ManualEntryKind.AdditionalPenalty)
            {
                var unitId = parse.GetValue(unit);
                if (unitId is null || regime.Directory.FindUnit(unitId) is null)
                {
                    env.Error.WriteLine($"mailops: --unit: \"{unitId}\" is not a unit of the directory; known units: {string.Join(", ", regime.Directory.Units.Select(u => u.Id))}.");
                    return ExitCodes.Usage;
                }

                if (parse.GetValue(points) is not (> 0 and <= 100) || parse.GetValue(points) is not { } penalty)
                {
                    env.Error.WriteLine("mailops: --points: an additional penalty needs its points, from 1 to 100.");
                    return ExitCodes.Usage;
                }

                var day = regime.Zone.DateOf(env.Time.GetUtcNow());
                if (parse.GetValue(date) is { } dateText && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                {
                    env.Error.WriteLine($"mailops: --date: \"{dateText}\" is not a date of the form YYYY-MM-DD.");
                    return ExitCodes.Usage;
                }

                entry = new StoredManualEntry { Kind = ManualEntryKinds.Name(entryKind), Unit = unitId, EffectiveDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Points = penalty, Reason = why, Author = who };
            }
            else
            {
                var key = parse.GetValue(obligation);
                var lookup = new ObligationLookup(regime);
                var found = lookup.Find(key, env.Time.GetUtcNow());
                if (found.Obligation is not { } owed)
                {
                    env.Error.WriteLine(NotAnObligation(regime, lookup, key, found.NotYetOpen, env.Time.GetUtcNow()));
                    return ExitCodes.Usage;
                }

                entry = new StoredManualEntry
                {
                    Kind = ManualEntryKinds.Name(entryKind),
                    Unit = owed.UnitId,
                    ObligationKey = owed.Key,
                    EffectiveDate = regime.Zone.DateOf(owed.Due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Points = entryKind == ManualEntryKind.Wrong ? policy.Wrong : policy.Concealed,
                    Reason = why,
                    Author = who,
                };
            }

            return await ApplyAsync(env, services, new WorkerRequest(WorkerRequests.ManualEntry, entry, null, who, why), cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> AcceptAsync(CliEnvironment env, IServiceProvider services, string? message, string who, string why, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            env.Error.WriteLine("mailops: --message: accept needs the stored message's Message-ID (as the digest's unauthenticated list shows it) or its mailbox id.");
            return ExitCodes.Usage;
        }

        return await ApplyAsync(env, services, new WorkerRequest(WorkerRequests.Accept, null, message, who, why), cancellation).ConfigureAwait(false);
    }

    // Into the store directly when no worker runs; beside a running worker (which holds the store), as a request
    // it applies at its next beat, waited for here.
    private static async Task<int> ApplyAsync(CliEnvironment env, IServiceProvider services, WorkerRequest request, CancellationToken cancellation)
    {
        var path = StoreAccess.PathOf(services);
        if (StatusFile.Read(path) is { } status && StoreAccess.IsAlive(status.ProcessId, startedAt: status.ProcessStartedAt))
        {
            string id;
            try
            {
                id = WorkerRequests.Write(path, request);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                env.Error.WriteLine($"mailops: the request for the running worker could not be written beside {path}: {ex.Message} (run the command as the worker's user, with its settings).");
                return ExitCodes.Unavailable;
            }

            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Asked the running worker (process {status.ProcessId}) to record it at its next beat..."));
            switch (await WorkerRequests.WaitAsync(path, id, TimeSpan.FromMinutes(2), env.Time, cancellation).ConfigureAwait(false))
            {
                case (true, var answer):
                    env.Out.WriteLine(answer);
                    return ExitCodes.Success;
                case (false, var why):
                    env.Error.WriteLine($"mailops: {why}");
                    return ExitCodes.Usage;
                default:
                    env.Error.WriteLine("mailops: the running worker did not answer within 2 minutes; nothing was recorded. Is it beating? ('mailops status')");
                    return ExitCodes.Unavailable;
            }
        }

        using var store = StoreAccess.TryOpen(services, env);
        if (store is null)
        {
            return ExitCodes.Unavailable;
        }

        try
        {
            if (request.Entry is { } entry)
            {
                var id = store.AddManualEntry(entry);
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recorded entry {id}: {entry.Kind} {entry.ObligationKey ?? entry.Unit}, {entry.Points} point(s), by {entry.Author}: {entry.Reason}"));
            }
            else
            {
                var accepted = store.Accept(request.OutcomeId!, request.Author, request.Reason);
                env.Out.WriteLine($"Accepted {accepted.MessageId} as {accepted.Report}/{accepted.Unit}/{accepted.Period}, by {request.Author}: {request.Reason}");
            }

            return ExitCodes.Success;
        }
        catch (StoreException ex)
        {
            env.Error.WriteLine($"mailops: {(request.Entry is null ? "--message: " : "")}{ex.Message}");
            return ExitCodes.Usage;
        }
    }

    // Why the key names no obligation a judgement can be recorded against, and the real ones the person likely meant.
    private static string NotAnObligation(Compliance.Regime regime, ObligationLookup lookup, string? key, Obligation? notYetOpen, DateTimeOffset now)
    {
        var why = notYetOpen is { } later
            ? $"has not opened yet (it opens {InstantText.Of(regime.Zone, later.Opens)}, due {InstantText.Of(regime.Zone, later.Due)}): nothing can be judged on a report that cannot have been sent"
            : "is not a report instance the regime knows";
        var nearest = string.IsNullOrWhiteSpace(key) ? [] : lookup.Nearest(key.Trim(), now);
        var meant = nearest.Count > 0
            ? $"; did you mean {string.Join(", ", nearest)}? ('mailops obligations --from D --to D' lists what falls due.)"
            : ": write report/unit/period as 'mailops obligations' or 'mailops evaluate --json' lists it (crm-monthly/cq-crm/2026-11).";
        return $"mailops: --obligation: \"{key}\" {why}{meant}";
    }
}
