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
/// unit, an unauthenticated sender's report accepted as the unit's submission, or one of those judgements
/// revoked (kept, with who revoked it, when and why, and counted nowhere from then on).
/// </summary>
internal static class AdjudicateCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var kind = new Option<string>("--kind") { Description = "wrong, concealed, additional-penalty, accept, or revoke.", Required = true };
        var obligation = new Option<string?>("--obligation") { Description = "The report instance, report/unit/period (wrong, concealed), such as crm-monthly/cq-crm/2026-11." };
        var unit = new Option<string?>("--unit") { Description = "The unit (additional-penalty)." };
        var points = new Option<int?>("--points") { Description = "Points (additional-penalty; wrong and concealed take the regime's 5 and 10)." };
        var date = new Option<string?>("--date") { Description = "The day an additional penalty counts on (YYYY-MM-DD); default today." };
        var message = new Option<string?>("--message") { Description = "The stored message to accept (accept): its Message-ID or the mailbox's id." };
        var entryNumber = new Option<int?>("--entry") { Description = "The entry to revoke (revoke): its number, as 'Recorded entry N' named it." };
        var reason = new Option<string>("--reason") { Description = "Why: kept with the entry and in the audit trail.", Required = true };
        var author = new Option<string>("--author") { Description = "Who decides: kept with the entry and in the audit trail.", Required = true };
        var command = new Command("adjudicate", "Record a person's judgement: a wrong or concealed report, an additional penalty, an accepted unauthenticated report, or the revocation of a judgement.")
        {
            kind, obligation, unit, points, date, message, entryNumber, reason, author,
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

            var kindText = parse.GetValue(kind)!;
            if (!Adjudications.TryParse(kindText, out var adjudication))
            {
                env.Error.WriteLine($"mailops: --kind: \"{kindText}\" is not {string.Join(", ", Enum.GetValues<Adjudication>().Select(Names.Kebab))}.");
                return ExitCodes.Usage;
            }

            StoredManualEntry? entry;
            switch (adjudication)
            {
                case Adjudication.Accept:
                    return await AcceptAsync(env, services, parse.GetValue(message), who, why, cancellation).ConfigureAwait(false);
                case Adjudication.Revoke:
                    return await RevokeAsync(env, services, parse.GetValue(entryNumber), who, why, cancellation).ConfigureAwait(false);
                case Adjudication.AdditionalPenalty:
                    entry = Penalty(env, regime, parse.GetValue(unit), parse.GetValue(points), parse.GetValue(date), who, why);
                    break;
                default:
                    var policy = services.GetRequiredService<IOptions<AssessmentOptions>>().Value.Scoring;

                    // Event reports hang on the events the store holds (invitations, the calendar, people), not only the file's.
                    var stored = File.Exists(StoreAccess.PathOf(services))
                        ? await StoreAccess.ReadAsync(services, env, store => store.Events(), cancellation).ConfigureAwait(false)
                        : [];
                    if (stored is null)
                    {
                        return ExitCodes.Unavailable;
                    }

                    regime = regime.WithEvents(Events.LiveEvents.Merged(regime, stored));
                    entry = OnObligation(env, regime, policy, adjudication == Adjudication.Wrong ? ManualEntryKind.Wrong : ManualEntryKind.Concealed, parse.GetValue(obligation), who, why);
                    break;
            }

            return entry is null
                ? ExitCodes.Usage
                : await ApplyAsync(env, services, new WorkerRequest(WorkerRequests.ManualEntry, entry, null, who, why), RecordIn(entry), null, cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    // An additional penalty on a unit, or null when an option is wrong (said on standard error).
    private static StoredManualEntry? Penalty(CliEnvironment env, Compliance.Regime regime, string? unitId, int? points, string? dateText, string who, string why)
    {
        if (unitId is null || regime.Directory.FindUnit(unitId) is null)
        {
            env.Error.WriteLine($"mailops: --unit: \"{unitId}\" is not a unit of the directory; known units: {string.Join(", ", regime.Directory.Units.Select(u => u.Id))}.");
            return null;
        }

        if (points is not ({ } penalty and > 0 and <= 100))
        {
            env.Error.WriteLine("mailops: --points: an additional penalty needs its points, from 1 to 100.");
            return null;
        }

        var day = regime.Zone.DateOf(env.Time.GetUtcNow());
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            env.Error.WriteLine($"mailops: --date: \"{dateText}\" is not a date of the form YYYY-MM-DD.");
            return null;
        }

        return new StoredManualEntry { Kind = ManualEntryKinds.Name(ManualEntryKind.AdditionalPenalty), Unit = unitId, EffectiveDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Points = penalty, Reason = why, Author = who };
    }

    // A wrong or concealed report instance, or null when the key names none a judgement can be recorded against.
    private static StoredManualEntry? OnObligation(CliEnvironment env, Compliance.Regime regime, ScoringPolicy policy, ManualEntryKind kind, string? key, string who, string why)
    {
        var lookup = new ObligationLookup(regime);
        var now = env.Time.GetUtcNow();
        var found = lookup.Find(key, now);
        if (found.Obligation is not { } owed)
        {
            env.Error.WriteLine(NotAnObligation(regime, lookup, key, found.NotYetOpen, now));
            return null;
        }

        return new StoredManualEntry
        {
            Kind = ManualEntryKinds.Name(kind),
            Unit = owed.UnitId,
            ObligationKey = owed.Key,
            EffectiveDate = regime.Zone.DateOf(owed.Due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Points = kind == ManualEntryKind.Wrong ? policy.Wrong : policy.Concealed,
            Reason = why,
            Author = who,
        };
    }

    private static Func<MailStore, string> RecordIn(StoredManualEntry entry) => store =>
    {
        var id = store.AddManualEntry(entry);
        return string.Create(CultureInfo.InvariantCulture, $"Recorded entry {id}: {entry.Kind} {entry.ObligationKey ?? entry.Unit}, {entry.Points} point(s), by {entry.Author}: {entry.Reason}");
    };

    private static async Task<int> AcceptAsync(CliEnvironment env, IServiceProvider services, string? message, string who, string why, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            env.Error.WriteLine("mailops: --message: accept needs the stored message's Message-ID (as the digest's unauthenticated list shows it) or its mailbox id.");
            return ExitCodes.Usage;
        }

        return await ApplyAsync(
            env,
            services,
            new WorkerRequest(WorkerRequests.Accept, null, message, who, why),
            store =>
            {
                var accepted = store.Accept(message, who, why);
                return $"Accepted {accepted.MessageId} as {accepted.Report}/{accepted.Unit}/{accepted.Period}, by {who}: {why}";
            },
            "--message",
            cancellation).ConfigureAwait(false);
    }

    // A judgement withdrawn: kept, with who revoked it, when and why, and counted nowhere from then on.
    private static async Task<int> RevokeAsync(CliEnvironment env, IServiceProvider services, int? entry, string who, string why, CancellationToken cancellation)
    {
        if (entry is not ({ } id and > 0))
        {
            env.Error.WriteLine("mailops: --entry: revoke needs the number of the entry to withdraw (1 or more), as 'Recorded entry N' named it.");
            return ExitCodes.Usage;
        }

        return await ApplyAsync(
            env,
            services,
            new WorkerRequest(WorkerRequests.Revoke, null, null, who, why, EntryId: id),
            store => ManualEntryText.Revoked(store.RevokeManualEntry(id, who, why)),
            "--entry",
            cancellation).ConfigureAwait(false);
    }

    // Into the store directly when no worker runs (apply); beside a running worker (which holds the store), as a
    // request it applies at its next beat, waited for here. A refusal by the store names the option it concerns.
    internal static async Task<int> ApplyAsync(CliEnvironment env, IServiceProvider services, WorkerRequest request, Func<MailStore, string> apply, string? option, CancellationToken cancellation)
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
            env.Out.WriteLine(apply(store));
            return ExitCodes.Success;
        }
        catch (StoreException ex)
        {
            env.Error.WriteLine($"mailops: {(option is null ? "" : option + ": ")}{ex.Message}");
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

/// <summary>What <c>mailops adjudicate --kind</c> records, spelt on the command line as <see cref="Names.Kebab"/> writes it.</summary>
internal enum Adjudication
{
    Wrong,
    Concealed,
    AdditionalPenalty,
    Accept,
    Revoke,
}

internal static class Adjudications
{
    public static bool TryParse(string? text, out Adjudication adjudication)
    {
        foreach (var candidate in Enum.GetValues<Adjudication>())
        {
            if (Names.Kebab(candidate) == text)
            {
                adjudication = candidate;
                return true;
            }
        }

        adjudication = default;
        return false;
    }
}
