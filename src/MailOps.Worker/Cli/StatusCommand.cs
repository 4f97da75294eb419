using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops status [--max-age T] [--json]</c>: what the store holds and what the running worker last did, and a
/// health check for systemd, Docker or a Windows service monitor. It exits 0 only when a worker is running, its last
/// beat is no older than <c>--max-age</c> and it read the mailbox at that beat; otherwise 69, with a sentence per
/// problem: no worker running (stopped, or never run against this store, or no store yet), a worker not beating, a
/// mailbox it cannot read. Warnings for the administrator that do not make it unhealthy (the working-day calendar
/// running out) are shown with the rest (a <c>Warning:</c> line, <c>warnings</c> in JSON), not on standard error.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var maxAge = new Option<TimeSpan?>("--max-age") { Description = "A running worker's last beat older than this is unhealthy (exit 69); default three beats plus five minutes (a long drain)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to standard output." };
        var command = new Command("status", "Show what the store holds and what the running worker last did; exit 69 unless a worker is running, beating and reading the mailbox.") { maxAge, json };
        command.SetAction(parse => CommandContext.WithRegime(env, args, (regime, services) =>
        {
            var report = Report(env, services, regime, parse.GetValue(maxAge));
            foreach (var problem in report.Problems)
            {
                env.Error.WriteLine($"mailops: unhealthy: {problem}");
            }

            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(report, CliJson.Readable.StatusReportJson));
            }
            else
            {
                WriteText(env.Out, report);
            }

            return report.Healthy ? ExitCodes.Success : ExitCodes.Unavailable;
        }));
        return command;
    }

    internal static StatusReportJson Report(CliEnvironment env, IServiceProvider services, Compliance.Regime regime, TimeSpan? maxAge) =>
        Unwarned(env, services, regime, maxAge) with { Warnings = Warnings(env, services, regime) };

    // The administrator's tasks that do not stop the worker: the calendar's data running out, the Graph certificate expiring.
    private static List<string> Warnings(CliEnvironment env, IServiceProvider services, Compliance.Regime regime)
    {
        var now = env.Time.GetUtcNow();
        var window = (int)services.GetRequiredService<IOptions<Regime.RegimeOptions>>().Value.CalendarWarningWindow.TotalDays;
        var warnings = new List<string>();
        if (regime.Calendar.CoverageWarning(regime.Zone.DateOf(now), window) is { } calendar)
        {
            warnings.Add(calendar.Message.En);
        }

        if (Mailboxes.Graph.CertificateExpiry.Warning(Mailboxes.MailboxRegistration.GraphSignInOf(services), now) is { } certificate)
        {
            warnings.Add(certificate);
        }

        return warnings;
    }

    private static StatusReportJson Unwarned(CliEnvironment env, IServiceProvider services, Compliance.Regime regime, TimeSpan? maxAge)
    {
        var path = StoreAccess.PathOf(services);
        var exists = File.Exists(path);
        var now = env.Time.GetUtcNow();
        var status = StatusFile.Read(path);
        var problems = new List<string>();
        if (status is null)
        {
            problems.Add(exists
                ? $"no worker has run against the store {path}: it has no status file, which mailops run writes after every beat."
                : $"nothing is running: the store {path} has not been created yet (mailops run creates it at its first beat).");
            var none = new WorkerJson(Running: false, Pid: null, LastBeat: null, AgeSeconds: null, Reason: null, MaxAgeSeconds: null, Healthy: false);
            return new StatusReportJson(Healthy: false, problems, none, Mailbox: null, Messages: null, Obligations: null, Mail: null, Stored(env, services, regime, path, exists, now));
        }

        var running = StoreAccess.IsAlive(status.ProcessId, thisProcessCounts: true, startedAt: status.ProcessStartedAt);
        var age = Math.Max(0, (long)(now - status.At).TotalSeconds);
        var limit = maxAge ?? status.Interval * 3 + TimeSpan.FromMinutes(5);
        var beating = now - status.At <= limit;
        if (!running)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the worker is not running: its process {status.ProcessId} has exited; its last beat was {age} s ago."));
        }
        else if (!beating)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the worker's last beat was {age} s ago (more than {limit}): process {status.ProcessId} runs but does not beat."));
        }

        if (status.MailboxProblem is { } mailboxProblem)
        {
            problems.Add($"the mailbox {status.Mailbox} could not be read at the last beat: {mailboxProblem}");
        }

        if (!status.MailboxEverRead)
        {
            problems.Add($"the mailbox {status.Mailbox} has never been read into this store, so nothing has been judged or sent yet.");
        }

        if (status.StoreProblem is { } storeProblem)
        {
            problems.Add($"the store could not be written at the last beat, which judged and sent nothing (a full disk?): {storeProblem}");
        }

        var worker = new WorkerJson(running, status.ProcessId, regime.Zone.ToLocal(status.At), age, status.Reason, (long)limit.TotalSeconds, running && beating);

        // A running worker holds the store; only a stopped one leaves it to be read here.
        var stored = running ? new StoreJson(path, exists) : Stored(env, services, regime, path, exists, now);
        return new StatusReportJson(
            problems.Count == 0,
            problems,
            worker,
            new MailboxJson(status.Mailbox, status.MailboxProblem),
            new MessagesJson(status.Messages, status.NewMessages, status.NewSubmissions),
            new SortedDictionary<string, int>(status.Obligations.ToDictionary(), StringComparer.Ordinal),
            new MailJson(status.Queued, status.Sent, status.Waiting),
            stored);
    }

    // What the store holds now, judged at this instant; the store's own error is written when it cannot be opened.
    private static StoreJson Stored(CliEnvironment env, IServiceProvider services, Compliance.Regime regime, string path, bool exists, DateTimeOffset now)
    {
        if (!exists)
        {
            return new StoreJson(path, exists);
        }

        using var store = StoreAccess.TryOpen(services, env);
        if (store is null)
        {
            return new StoreJson(path, exists);
        }

        var snapshot = new Assessor(regime, services.GetRequiredService<IOptions<AssessmentOptions>>().Value).Judge(store, now);
        var outcomes = store.AllOutcomes();
        return new StoreJson(path, exists)
        {
            Messages = store.MessageCount,
            Submissions = outcomes.Count(o => o.Matched),
            Unmatched = outcomes.Count(o => !o.Matched),
            MailQueued = store.NotificationCount,
            MailUnsent = store.Unsent().Count,
            Obligations = new SortedDictionary<string, int>(
                snapshot.Results.GroupBy(r => ObligationStatuses.Name(r.Status)).ToDictionary(g => g.Key, g => g.Count()),
                StringComparer.Ordinal),
        };
    }

    private static void WriteText(TextWriter output, StatusReportJson report)
    {
        var store = report.Store;
        output.WriteLine($"Store:    {store.Path}{(store.Exists ? "" : " (not created yet)")}");
        if (report.Worker is { LastBeat: not null } w)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Worker:   {(w.Running ? $"running (process {w.Pid})" : "not running")}; last beat {w.LastBeat:yyyy-MM-dd HH:mm:ss} ({w.Reason}), {w.AgeSeconds} s ago"));
            output.WriteLine($"Mailbox:  {report.Mailbox!.Address}{(report.Mailbox.Problem is { } problem ? $" — cannot be read: {problem}" : " — read")}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Messages: {report.Messages!.Stored} stored; last beat {report.Messages.New} new, {report.Messages.Submissions} submission(s)"));
            output.WriteLine($"Obligations at the last beat: {string.Join(", ", report.Obligations!.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")))}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mail:     {report.Mail!.Queued} queued and {report.Mail.Sent} sent at the last beat; {report.Mail.Waiting} waiting"));
        }
        else
        {
            output.WriteLine(store.Exists
                ? "Worker:   none: no beat recorded (mailops run has not run against this store)."
                : "Worker:   none: nothing is running (the store has not been created yet).");
        }

        if (store.Messages is { } messages)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored:   {messages} message(s), {store.Submissions} submission(s), {store.Unmatched} parsed but not matched; {store.MailQueued} mail(s) queued in all, {store.MailUnsent} not yet sent"));
            output.WriteLine($"Obligations now: {string.Join(", ", store.Obligations!.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")))}");
        }

        foreach (var warning in report.Warnings ?? [])
        {
            output.WriteLine($"Warning:  {warning}");
        }

        output.WriteLine(report.Healthy ? "Health:   healthy" : $"Health:   unhealthy ({report.Problems.Count} problem{(report.Problems.Count == 1 ? "" : "s")}, on standard error)");
    }
}
