using System.Globalization;
using MailOps.Worker.Hosting;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Running;

/// <summary>
/// The hosted worker driven by a fake clock, wake by wake: each time it says when it next wakes, the clock is moved
/// there, so a test walks it through days of deadlines, digests, restarts and outages in a few seconds, on the
/// sample month's mail and the shipped settings.
/// </summary>
public sealed class MailOpsWorkerClockTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TempFolder _folder = new();

    public MailOpsWorkerClockTests()
    {
        SampleMonth.CopyInbox(_folder["inbox"]);
    }

    public void Dispose() => _folder.Dispose();

    private static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Shanghai);

    [Fact]
    public async Task Run_ThroughANightRestartAndAnOutage_SendsNothingOutsideTheWorkingHoursAndOneDigestADay()
    {
        // Tuesday 2026-12-01, started before the working day and stopped in the afternoon, before the overdue notices
        // of its 17:00 deadlines fall due.
        await RunAsync("2026-12-01 08:00:00", "2026-12-01 17:10:00");
        // Restarted at night: what waited since the afternoon must wait for the morning.
        await RunAsync("2026-12-02 03:00:00", "2026-12-02 08:30:00");
        // Down over the digest's slot, back at 11:00: today's digest goes at 11:00, yesterday's never again.
        await RunAsync("2026-12-02 11:00:00", "2026-12-02 22:00:00");
        await RunAsync("2026-12-03 08:45:00", "2026-12-03 09:30:00");

        using var store = MailStore.Open(_folder["mailops.db"], TimeProvider.System);
        store.Unsent().Should().BeEmpty("everything queued in the working hours was sent in them");
        var all = store.Audit().Where(a => a.Action == "notification-sent").Select(a => store.Notification(a.Target)!).ToList();
        all.Should().NotBeEmpty();
        all.Should().OnlyContain(n => InWorkingHours(n.SentAt!.Value) && InWorkingHours(n.QueuedAt), "nothing goes to a person outside 09:00-21:00");

        var digests = all.Where(n => n.Kind == "digest").ToList();
        digests.Should().NotBeEmpty();
        foreach (var recipient in digests.GroupBy(n => n.Id[(n.Id.LastIndexOf('/') + 1)..]))
        {
            recipient.Select(n => Day(n.SentAt!.Value)).Should().Equal(["2026-12-01", "2026-12-02", "2026-12-03"], $"{recipient.Key} gets one digest a day, the outage's day included");
        }

        digests.Should().OnlyContain(n => n.Id.StartsWith($"digest/{Day(n.SentAt!.Value)}/", StringComparison.Ordinal) && Subject(n).Contains(Day(n.SentAt!.Value), StringComparison.Ordinal), "keyed and titled by the day it is sent on");
        var text = Text(digests[0]);
        text.Should().Contain("系统管理员事项：").And.Contain("2027", "the calendar running out is one line for the administrator");
        text.IndexOf("2027", StringComparison.Ordinal).Should().BeGreaterThan(text.IndexOf("系统管理员事项", StringComparison.Ordinal), "at the foot, not above the figures");
        digests.Where(n => Day(n.SentAt!.Value) == "2026-12-02").Should().OnlyContain(n => n.SentAt == At("2026-12-02 11:00:00"), "the worker came back at 11:00");

        // The deadline of 2026-12-02 21:00 was driven through to a pulse: the overdue notice it planned (21:30, outside
        // the working hours) went at the next morning's start.
        all.Where(n => n.Id.StartsWith("overdue/callcenter-daily/callcenter/2026-12-02/", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(n => n.SentAt == At("2026-12-03 09:00:00"));
    }

    [Fact]
    public async Task Run_AfterAReportKindSeveralUnitsOweStopsArriving_TheDigestSaysTheMailFlowMayMissIt()
    {
        // The sample month's mail ends on 2026-11-24; two weeks on, no weekly warranty report has come for 14 days.
        await RunAsync("2026-12-08 08:55:00", "2026-12-08 09:00:00");

        using var store = MailStore.Open(_folder["mailops.db"], TimeProvider.System);
        var digest = store.Audit().Where(a => a.Action == "notification-sent" && a.Target.StartsWith("digest/2026-12-08/", StringComparison.Ordinal)).Select(a => store.Notification(a.Target)!).First();
        var text = Text(digest);
        text.Should().Contain(ShippedRegime.Regime.Catalog["warranty-weekly"].Name.Zh + "已有 14 天以上未在监控邮箱中出现").And.Contain("docs/exchange.md");
        text.IndexOf("14 天以上未在监控邮箱中出现", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("系统管理员事项", StringComparison.Ordinal), "a mail flow that misses reports is shown first, not as the administrator's footnote");
    }

    [Fact]
    public async Task Run_ARequestFromACommandBesideIt_WakesTheWorkerLongBeforeItsNextBeat()
    {
        var time = new FakeTimeProvider(At("2026-11-24 10:00:00"));
        var logs = new CapturedLogs();
        using var host = Build(time, logs);
        await host.StartAsync();
        await logs.WaitForCountAsync("Next wake ", 1);

        // The clock stands still: with an hour between beats, only the request itself can wake the worker.
        var target = _folder["snapshot.db"];
        var id = Worker.Running.WorkerRequests.Write(_folder["mailops.db"], new Worker.Running.WorkerRequest(Worker.Running.WorkerRequests.Backup, null, null, "test", "a snapshot", target));
        var answer = await Worker.Running.WorkerRequests.WaitAsync(_folder["mailops.db"], id, TimeSpan.FromMinutes(2), TimeProvider.System, CancellationToken.None);

        answer.Should().NotBeNull("the worker answered without its clock moving");
        answer!.Value.Done.Should().BeTrue(answer.Value.Answer);
        File.Exists(target).Should().BeTrue();
        await host.StopAsync();
    }

    [Fact]
    public async Task Run_AtADeadline_WakesASecondPastItAndJudgesItOverdue()
    {
        var logs = await RunAsync("2026-11-24 20:00:00", "2026-11-24 21:00:05");

        logs.Messages.Should().Contain(m => m.Contains("Next deadline 2026-11-24 21:00:00 +08:00", StringComparison.Ordinal) && m.Contains("callcenter-daily/callcenter/2026-11-24", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.Contains("Deadline reached 2026-11-24 21:00:00 +08:00", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.Contains("Pulse (deadline)", StringComparison.Ordinal), "the deadline's wake is a beat, judged a second past it");
        logs.Messages.Should().Contain(m => m.Contains("Next wake 2026-11-24 21:00:01 +08:00 (Deadline)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithTheCalendarRunningOut_LogsItAsTheAdministratorsTask()
    {
        var logs = await RunAsync("2026-11-24 08:00:00", "2026-11-24 08:00:00");

        logs.Messages.Should().Contain(m => m.StartsWith("Warning:", StringComparison.Ordinal) && m.Contains("no official holiday arrangement for 2027", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithABrokenRegime_LogsTheProblemAndStopsWithTheConfigurationExitCode()
    {
        var logs = new CapturedLogs();
        using var host = Build(new FakeTimeProvider(At("2026-11-24 08:00:00")), logs, new() { ["MailOps:Regime:Catalog"] = "/nonexistent/catalog.json" });
        var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await host.StartAsync();

        (await logs.WaitForAsync("Critical:")).Should().Contain("/nonexistent/catalog.json: the file does not exist");
        // The worker logs the problem, then sets the exit code and stops the host, on its own thread: wait for the stop.
        await stopping.Task.WaitAsync(TimeSpan.FromMinutes(2));
        ((RunOutcome)host.Services.GetService(typeof(RunOutcome))!).ExitCode.Should().Be(78);
        await host.StopAsync();
    }

    /// <summary>Starts the worker at <paramref name="from"/> and moves its clock wake by wake until the next wake is past <paramref name="until"/>.</summary>
    private async Task<CapturedLogs> RunAsync(string from, string until)
    {
        var time = new FakeTimeProvider(At(from));
        var logs = new CapturedLogs();
        var end = At(until);
        using var host = Build(time, logs);
        await WorkerClock.WalkAsync(host, time, logs, end);
        return logs;
    }

    private IHost Build(FakeTimeProvider time, CapturedLogs logs, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailOps:Store:Path"] = _folder["mailops.db"],
            ["MailOps:Store:BackupCount"] = "0",
            ["MailOps:Mailbox:Folder:Inbox"] = _folder["inbox"],
            ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
            ["MailOps:Sending:PerMinute"] = "10000",
            // An hour between readings keeps the walk short; deadlines, the digest and the working day wake it on time.
            ["MailOps:Worker:IngestInterval"] = "01:00:00",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return MailOpsHost.Build([], settings, time, configFolder: null, watch: true, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
        });
    }

    private static bool InWorkingHours(DateTimeOffset at)
    {
        var local = at.ToOffset(Shanghai).TimeOfDay;
        return local >= TimeSpan.FromHours(9) && local <= TimeSpan.FromHours(21);
    }

    private static string Day(DateTimeOffset at) => at.ToOffset(Shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(StoredNotification notification)
    {
        using var stream = new MemoryStream(notification.Mime);
        return MimeMessage.Load(stream).TextBody ?? "";
    }

    private static string Subject(StoredNotification notification)
    {
        using var stream = new MemoryStream(notification.Mime);
        return MimeMessage.Load(stream).Subject ?? "";
    }
}
