using Coravel.Scheduling.Schedule;
using Coravel.Scheduling.Schedule.Interfaces;
using MailOps.Worker.Hosting;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Regime;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Running;

/// <summary>
/// The running worker: checks that the regime, the store and the templates can be used (or stops with exit 78
/// naming what is wrong), beats once at start, then lets Coravel's schedule beat it on the ingest interval and
/// at the digest time of every working day. Coravel's clock is driven from the injected <see cref="TimeProvider"/>
/// once a second. A mailbox that refuses MailOps stops the worker with a message saying what to grant.
/// </summary>
internal sealed partial class MailOpsWorker(
    IServiceProvider services,
    RegimeFiles files,
    IOptions<RunningOptions> running,
    IOptions<NotificationOptions> notifications,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    RunOutcome outcome,
    Beat beat,
    ILogger<MailOpsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // DeadlineWatch reports a regime that cannot load and stops the host.
        if (!files.Regime.Succeeded)
        {
            return;
        }

        Pulse pulse;
        try
        {
            var problems = services.GetRequiredService<TemplateRenderer>().Check(notifications.Value.Language);
            if (problems.Count > 0)
            {
                throw new TemplateException(string.Join(Environment.NewLine, problems));
            }

            if (services.GetRequiredService<Notifier>().CheckRecipients() is { Count: > 0 } recipients)
            {
                Stop(string.Join(Environment.NewLine, recipients), Cli.ExitCodes.Configuration);
                return;
            }

            pulse = services.GetRequiredService<Pulse>();
        }
        catch (Exception ex) when (ex is StoreException or TemplateException or MailboxAccessException or IOException or UnauthorizedAccessException)
        {
            Stop(ex.Message, Cli.ExitCodes.Configuration);
            return;
        }

        var scheduler = (Scheduler)services.GetRequiredService<IScheduler>();
        var (seconds, cron) = running.Value.Cadence();
        var interval = scheduler.ScheduleAsync(() => BeatAsync(pulse, "interval", stoppingToken));
        var cadence = seconds is { } s ? interval.EverySeconds(s) : interval.Cron(cron!);
        cadence.PreventOverlapping(nameof(Pulse));
        var digestAt = notifications.Value.DigestTime();
        var regime = files.Regime.Value!;
        scheduler.ScheduleAsync(() => BeatAsync(pulse, "digest", stoppingToken))
            .DailyAt(digestAt.Hour, digestAt.Minute)
            .Zoned(regime.Zone.Zone)
            .When(() => Task.FromResult(regime.Calendar.IsWorkingDay(regime.Zone.DateOf(time.GetUtcNow()))));

        LogWatching(logger, Describe(), running.Value.IngestInterval, notifications.Value.DigestAt);
        await BeatAsync(pulse, "start", stoppingToken).ConfigureAwait(false);
        beat.Attach((reason, token) => BeatAsync(pulse, reason, token));
        pulse.Interval = running.Value.IngestInterval;
        using var clock = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            // Not awaited: a long beat (a paced drain) must not swallow the ticks that fall while it runs, or a
            // schedule due on one exact second (the digest's minute) would be missed. PreventOverlapping keeps
            // beats from running twice at once.
            while (await clock.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _ = scheduler.RunAtAsync(time.GetUtcNow().UtcDateTime);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the beat in hand has finished its page.
        }
    }

    private async Task BeatAsync(Pulse pulse, string reason, CancellationToken stoppingToken)
    {
        try
        {
            await pulse.RunAsync(reason, stoppingToken).ConfigureAwait(false);
        }
        catch (MailboxAccessException ex)
        {
            Stop(ex.Message, Cli.ExitCodes.Configuration);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A beat that fails (a store error, a message the parser did not expect) is reported and the next beat
            // tries again: what was stored stays, and nothing queued is lost.
            LogBeatFailed(logger, reason, ex);
        }
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
}
