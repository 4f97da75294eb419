using MailOps.Compliance.Deadlines;
using MailOps.Worker.Hosting;
using MailOps.Worker.Regime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Watch;

/// <summary>
/// The clock of the running worker: loads the regime, warns when the calendar runs out, and wakes at every
/// deadline and beats the worker's <see cref="Running.Pulse"/> there, so that an obligation turns overdue on time
/// even when no mail arrives. A regime that cannot be
/// loaded stops the host with <see cref="Cli.ExitCodes.Configuration"/>.
/// </summary>
internal sealed class DeadlineWatch(
    RegimeFiles files,
    IOptions<RegimeOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    RunOutcome outcome,
    Running.Beat beat,
    ILogger<DeadlineWatch> logger) : BackgroundService
{
    private const int LookAheadDays = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
            return;
        }

        var regime = loaded.Value!;
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

        var generator = new ObligationGenerator(regime);
        DateOnly? warnedOn = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var today = regime.Zone.DateOf(now);
            if (warnedOn != today && regime.Calendar.CoverageWarning(today, (int)options.Value.CalendarWarningWindow.TotalDays) is { } warning)
            {
                Log.CalendarRunningOut(logger, warning.Message.En);
                warnedOn = today;
            }

            var horizon = today.AddDays(LookAheadDays);
            var upcoming = generator.Generate(today, horizon).Where(o => o.Due > now).ToList();
            if (upcoming.Count == 0)
            {
                Log.NoDeadline(logger, horizon);
                await Task.Delay(regime.Zone.StartOf(horizon) - now, time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            var due = upcoming[0].Due;
            var falling = upcoming.TakeWhile(o => o.Due == due).ToList();
            // A second past the deadline: judged at the deadline itself, a report not yet received is still on time.
            // The timer is set before the line saying so, so it counts from the "now" it was computed from.
            var wake = Task.Delay(due - now + TimeSpan.FromSeconds(1), time, stoppingToken);
            Log.NextDeadline(logger, regime.Zone.ToLocal(due), falling.Count, falling[0].Key);
            await wake.ConfigureAwait(false);
            Log.DeadlineReached(logger, regime.Zone.ToLocal(due), string.Join(", ", falling.Select(o => o.Key)));
            await beat.AtDeadlineAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
