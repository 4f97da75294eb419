using System.CommandLine;
using System.Globalization;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops status [--max-age T]</c>: what the store holds and what the running worker last did. Beside a
/// running worker (which holds the store) it reads the status file the worker writes after every beat, and
/// exits 69 when that beat is older than <c>--max-age</c>: a health check for systemd, Docker or a Windows
/// service monitor.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var maxAge = new Option<TimeSpan?>("--max-age") { Description = "A running worker's last beat older than this is unhealthy (exit 69); default three beats plus five minutes (a long drain)." };
        var command = new Command("status", "Show what the store holds and what the running worker last did; exit 69 when a running worker has not beaten recently.") { maxAge };
        command.SetAction(parse => CommandContext.WithRegime(env, args, (regime, services) =>
        {
            var path = StoreAccess.PathOf(services);
            var now = env.Time.GetUtcNow();
            var status = StatusFile.Read(path);
            var running = status is not null && StoreAccess.IsAlive(status.ProcessId, thisProcessCounts: true);
            env.Out.WriteLine($"Store:    {path}{(File.Exists(path) ? "" : " (not created yet)")}");
            if (status is not null)
            {
                var age = now - status.At;
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Worker:   {(running ? $"running (process {status.ProcessId})" : "not running")}; last beat {regime.Zone.ToLocal(status.At):yyyy-MM-dd HH:mm:ss} ({status.Reason}), {Math.Max(0, (int)age.TotalSeconds)} s ago"));
                env.Out.WriteLine($"Mailbox:  {status.Mailbox}{(status.MailboxProblem is { } problem ? $" — cannot be read: {problem}" : " — read")}");
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Messages: {status.Messages} stored; last beat {status.NewMessages} new, {status.NewSubmissions} submission(s)"));
                env.Out.WriteLine($"Obligations at the last beat: {string.Join(", ", status.Obligations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"))}");
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mail:     {status.Queued} queued and {status.Sent} sent at the last beat; {status.Waiting} waiting"));
                if (running)
                {
                    var limit = parse.GetValue(maxAge) ?? status.Interval * 3 + TimeSpan.FromMinutes(5);
                    if (age > limit)
                    {
                        env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mailops: unhealthy: the worker's last beat was {(int)age.TotalSeconds} s ago (more than {limit})."));
                        return ExitCodes.Unavailable;
                    }

                    return status.MailboxProblem is null ? ExitCodes.Success : ExitCodes.Unavailable;
                }
            }
            else
            {
                env.Out.WriteLine("Worker:   no beat recorded (mailops run has not run against this store).");
            }

            if (!File.Exists(path))
            {
                return ExitCodes.Success;
            }

            using var store = StoreAccess.TryOpen(services, env);
            if (store is null)
            {
                return ExitCodes.Unavailable;
            }

            var snapshot = new Assessor(regime, services.GetRequiredService<IOptions<AssessmentOptions>>().Value).Judge(store, now);
            var outcomes = store.AllOutcomes();
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored:   {store.MessageCount} message(s), {outcomes.Count(o => o.Matched)} submission(s), {outcomes.Count(o => !o.Matched)} parsed but not matched; {store.NotificationCount} mail(s) queued in all, {store.Unsent().Count} not yet sent"));
            env.Out.WriteLine($"Obligations now: {string.Join(", ", snapshot.Results.GroupBy(r => ObligationStatuses.Name(r.Status)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
