using MailOps.Compliance.Waking;
using MailOps.Worker.Hosting;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Notifications;
using MailOps.Worker.Events;
using MailOps.Worker.Regime;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Running;

/// <summary>
/// The running worker, one loop on the injected <see cref="TimeProvider"/>: it checks that the regime, the store and
/// the templates can be used (or stops with exit 78 naming what is wrong), beats once at start, then asks
/// <see cref="WakePlanner"/> when it must next wake (the ingest interval, a second past a deadline, headquarters' mail
/// slot, the working hours' start, the day's last call), sleeps until then and beats again; a command's request
/// beside it (adjudicate, backup) wakes it at once. Beats therefore never overlap, and a fake clock drives the
/// worker whole. A mailbox that refuses MailOps stops the worker with a message saying what to grant.
/// </summary>
internal sealed partial class MailOpsWorker(
    IServiceProvider services,
    RegimeFiles files,
    IOptions<RegimeOptions> regimeOptions,
    IOptions<RunningOptions> running,
    IOptions<NotificationOptions> notifications,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    RunOutcome outcome,
    ILogger<MailOpsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Loaded(out var regime))
        {
            return;
        }

        Pulse pulse;
        Notifier notifier;
        GraphSignIn? signIn;
        try
        {
            var problems = services.GetRequiredService<TemplateRenderer>().Check(notifications.Value.Language);
            if (problems.Count > 0)
            {
                throw new TemplateException(string.Join(Environment.NewLine, problems));
            }

            notifier = services.GetRequiredService<Notifier>();
            if (notifier.CheckRecipients() is { Count: > 0 } recipients)
            {
                Stop(string.Join(Environment.NewLine, recipients), Cli.ExitCodes.Configuration);
                return;
            }

            pulse = services.GetRequiredService<Pulse>();
            signIn = MailboxRegistration.GraphSignInOf(services);
        }
        catch (Exception ex) when (ex is StoreException or TemplateException or MailboxAccessException or IOException or UnauthorizedAccessException)
        {
            Stop(ex.Message, Cli.ExitCodes.Configuration);
            return;
        }

        var interval = running.Value.IngestInterval;
        pulse.Interval = interval;
        pulse.CalendarWarningWindow = regimeOptions.Value.CalendarWarningWindow;
        // From the certificate the credential holds: nothing is read from disk for it.
        pulse.CertificateWarning = now => CertificateExpiry.Warning(signIn, now);
        var live = services.GetRequiredService<LiveEvents>();
        var planned = regime;
        var planner = new WakePlanner(regime, notifier.Schedule, notifier.Hours);
        LogWatching(logger, Describe(), interval, notifications.Value.DigestAt);
        DateOnly? warnedOn = null;
        DateTimeOffset? announced = null;
        var reason = BeatReason.Start;
        using var requests = new RequestWatch(WorkerRequests.FolderFor(services.GetRequiredService<MailStore>().Path));
        try
        {
            while (true)
            {
                var began = time.GetUtcNow();
                warnedOn = WarnTheAdministrator(regime, signIn, began, warnedOn);
                requests.Reset();
                if (!await BeatAsync(pulse, reason, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }

                // Events learnt, moved or cancelled in the beat move the deadlines the worker wakes for.
                if (!ReferenceEquals(planned, live.Current))
                {
                    planned = live.Current;
                    planner = new WakePlanner(planned, notifier.Schedule, notifier.Hours);
                }

                var now = time.GetUtcNow();
                var wake = planner.Next(now, began, interval);
                // The timer is set before the lines saying so, so it counts from the "now" the wake was planned at. A
                // command's request beside the worker (adjudicate, backup) ends the sleep early.
                using var early = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var sleep = Task.Delay(wake.At > now ? wake.At - now : TimeSpan.Zero, time, early.Token);
                LogNextWake(logger, regime.Zone.ToLocal(wake.At), wake.Reason);
                if (planner.NextDeadline(now) is { } deadline && announced != deadline.At)
                {
                    Log.NextDeadline(logger, regime.Zone.ToLocal(deadline.Deadlines[0].Due), deadline.Deadlines.Count, deadline.Deadlines[0].Key);
                    announced = deadline.At;
                }

                if (await Task.WhenAny(sleep, requests.Arrived).ConfigureAwait(false) != sleep)
                {
                    await early.CancelAsync().ConfigureAwait(false);
                    stoppingToken.ThrowIfCancellationRequested();
                    reason = BeatReason.Request;
                    continue;
                }

                await sleep.ConfigureAwait(false);
                if (wake.Reason == WakeReason.Deadline)
                {
                    Log.DeadlineReached(logger, regime.Zone.ToLocal(wake.Deadlines[0].Due), string.Join(", ", wake.Deadlines.Select(o => o.Key)));
                }

                reason = BeatReasons.Of(wake.Reason);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the beat in hand has finished its page.
        }
    }

    // The regime is loaded before anything else; one that cannot be stops the host with every problem logged.
    private bool Loaded(out Compliance.Regime regime)
    {
        var loaded = files.Regime;
        if (!loaded.Succeeded)
        {
            foreach (var error in loaded.Errors)
            {
                Log.RegimeProblem(logger, error.ToString());
            }

            outcome.ExitCode = Cli.ExitCodes.Configuration;
            lifetime.StopApplication();
            regime = null!;
            return false;
        }

        if (!files.EventRules.Succeeded)
        {
            foreach (var error in files.EventRules.Errors)
            {
                Log.RegimeProblem(logger, error.ToString());
            }

            outcome.ExitCode = Cli.ExitCodes.Configuration;
            lifetime.StopApplication();
            regime = null!;
            return false;
        }

        regime = loaded.Value!;
        var years = regime.Calendar.Years;
        Log.RegimeLoaded(
            logger,
            regime.Catalog.Reports.Count,
            regime.Catalog.Reports.Count(r => r.Monitored),
            regime.Directory.Units.Count,
            regime.Directory.AssessedUnits.Count(),
            regime.Events.Count,
            years.Min(),
            years.Max());
        return true;
    }

    // The administrator's tasks, the calendar running out and the Graph certificate expiring, are logged once a day
    // (and shown by mailops status).
    private DateOnly? WarnTheAdministrator(Compliance.Regime regime, GraphSignIn? signIn, DateTimeOffset now, DateOnly? warnedOn)
    {
        var today = regime.Zone.DateOf(now);
        if (warnedOn == today)
        {
            return warnedOn;
        }

        if (regime.Calendar.CoverageWarning(today, (int)regimeOptions.Value.CalendarWarningWindow.TotalDays) is { } calendar)
        {
            Log.CalendarRunningOut(logger, calendar.Message.En);
        }

        if (CertificateExpiry.Warning(signIn, now) is { } certificate)
        {
            Log.CertificateExpiring(logger, certificate);
        }

        return today;
    }

    /// <returns>False when the worker must stop (a mailbox that refuses MailOps).</returns>
    private async Task<bool> BeatAsync(Pulse pulse, BeatReason reason, CancellationToken stoppingToken)
    {
        try
        {
            await pulse.RunAsync(reason, stoppingToken).ConfigureAwait(false);
        }
        catch (MailboxAccessException ex)
        {
            Stop(ex.Message, Cli.ExitCodes.Configuration);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A beat that fails (a store error, a message the parser did not expect) is reported and the next beat
            // tries again: what was stored stays, and nothing queued is lost.
            LogBeatFailed(logger, BeatReasons.Name(reason), ex);
        }

        return true;
    }

    // Where mail is read from and goes to, in words for the first line a newcomer reads.
    private string Describe()
    {
        var mailbox = services.GetRequiredService<IMailbox>();
        var folder = services.GetRequiredService<IOptions<FolderMailboxOptions>>().Value.RootedAt(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        var reads = mailbox is FolderMailbox ? $"the folder {folder.Inbox}" : $"{mailbox.Identity.Address} through Microsoft Graph";
        var sends = notifications.Value.DryRun || mailbox is FolderMailbox ? $"written to {folder.Outbox}" : $"sent from {mailbox.Identity.Address}";
        return $"reading {reads}; mail is {sends}; store {services.GetRequiredService<MailStore>().Path}";
    }

    private void Stop(string problem, int exitCode)
    {
        LogCannotRun(logger, problem);
        outcome.ExitCode = exitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(31, LogLevel.Information, "MailOps is running: {Where}; the mailbox is read every {Interval}, the digest goes out at {DigestAt} each working day")]
    private static partial void LogWatching(ILogger logger, string where, TimeSpan interval, string digestAt);

    [LoggerMessage(32, LogLevel.Error, "The beat ({Reason}) failed; the next beat tries again")]
    private static partial void LogBeatFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(30, LogLevel.Critical, "MailOps cannot run: {Problem}")]
    private static partial void LogCannotRun(ILogger logger, string problem);

    [LoggerMessage(34, LogLevel.Debug, "Next wake {At:yyyy-MM-dd HH:mm:ss zzz} ({Reason})")]
    private static partial void LogNextWake(ILogger logger, DateTimeOffset at, WakeReason reason);
}
