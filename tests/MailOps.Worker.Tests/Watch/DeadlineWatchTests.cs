using MailOps.Worker.Hosting;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Watch;

public sealed class DeadlineWatchTests
{
    private static (IHost Host, CapturedLogs Logs, FakeTimeProvider Time) Start(DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var logs = new CapturedLogs();
        var time = new FakeTimeProvider(now);
        var host = MailOpsHost.Build([], settings, time, watch: true, builder => builder.Logging.AddProvider(logs));
        return (host, logs, time);
    }

    [Fact]
    public async Task Run_WakesAtTheNextDeadline_WithoutAnyMail()
    {
        var (host, logs, time) = Start(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.FromHours(8)));
        using (host)
        {
            await host.StartAsync();

            (await logs.WaitForAsync("Next deadline")).Should().Contain("2026-11-24 21:00:00 +08:00").And.Contain("callcenter-daily/callcenter/2026-11-24");
            // It wakes a second past the deadline, when a report not yet received is no longer on time.
            time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
            (await logs.WaitForAsync("Deadline reached")).Should().Contain("2026-11-24 21:00:00 +08:00");
            (await logs.WaitForAsync("Next deadline 2026-11-25")).Should().NotBeNull();

            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Run_WithTheCalendarRunningOut_WarnsAtStart()
    {
        var (host, logs, _) = Start(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8)));
        using (host)
        {
            await host.StartAsync();

            (await logs.WaitForAsync("Warning:")).Should().Contain("no official holiday arrangement for 2027");

            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Run_WithABrokenRegime_LogsTheProblemAndStops()
    {
        var (host, logs, _) = Start(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8)), new Dictionary<string, string?> { ["MailOps:Regime:Catalog"] = "/nonexistent/catalog.json" });
        using (host)
        {
            var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
            await host.StartAsync();

            (await logs.WaitForAsync("Critical:")).Should().Contain("/nonexistent/catalog.json: the file does not exist");
            lifetime.ApplicationStopping.IsCancellationRequested.Should().BeTrue();
            ((RunOutcome)host.Services.GetService(typeof(RunOutcome))!).ExitCode.Should().Be(78);

            await host.StopAsync();
        }
    }
}
