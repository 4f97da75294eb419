using System.CommandLine;
using System.Globalization;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
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
        command.SetAction(parse => CommandContext.WithRegime(env, args, (regime, services) =>
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
                return Accept(env, services, parse.GetValue(message), who, why);
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
                if (Find(regime, parse.GetValue(obligation)) is not { } owed)
                {
                    env.Error.WriteLine($"mailops: --obligation: \"{parse.GetValue(obligation)}\" is not a report instance the regime knows: write report/unit/period as 'mailops evaluate --json' lists it (crm-monthly/cq-crm/2026-11).");
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

            using var store = StoreAccess.TryOpen(services, env);
            if (store is null)
            {
                return ExitCodes.Unavailable;
            }

            var id = store.AddManualEntry(entry);
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recorded entry {id}: {entry.Kind} {entry.ObligationKey ?? entry.Unit}, {entry.Points} point(s), by {who}: {why}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Accept(CliEnvironment env, IServiceProvider services, string? message, string who, string why)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            env.Error.WriteLine("mailops: --message: accept needs the stored message's Message-ID (as the digest's unauthenticated list shows it) or its mailbox id.");
            return ExitCodes.Usage;
        }

        using var store = StoreAccess.TryOpen(services, env);
        if (store is null)
        {
            return ExitCodes.Unavailable;
        }

        var wanted = message.Trim().Trim('<', '>');
        var outcome = store.Outcome(message) ?? store.AllOutcomes().FirstOrDefault(o => o.MessageId.Trim('<', '>') == wanted);
        if (outcome is null || outcome.Reason != "unauthenticated-sender" || outcome.Report is null)
        {
            env.Error.WriteLine($"mailops: --message: \"{message}\" is not a stored report held for an unauthenticated sender.");
            return ExitCodes.Usage;
        }

        store.Accept(outcome.Id, who, why);
        env.Out.WriteLine($"Accepted {outcome.MessageId} as {outcome.Report}/{outcome.Unit}/{outcome.Period}, by {who}: {why}");
        return ExitCodes.Success;
    }

    // A report instance by its key: the report and unit must exist and the unit owe the report; the period is
    // looked up among the unit's occurrences around it.
    private static Obligation? Find(Compliance.Regime regime, string? key)
    {
        var parts = key?.Split('/');
        if (parts is not { Length: 3 } || regime.Catalog.Find(parts[0]) is not { } report || regime.Directory.FindUnit(parts[1]) is not { } unit)
        {
            return null;
        }

        var generator = new ObligationGenerator(regime);
        var years = regime.Calendar.Years;
        var from = new DateOnly(years.Min() - 1, 1, 1);
        var to = new DateOnly(years.Max() + 1, 12, 31);
        return generator.Occurrences(unit, report, from, to).FirstOrDefault(o => o.Key == key);
    }
}
