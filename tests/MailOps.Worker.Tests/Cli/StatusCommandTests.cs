using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops status [--max-age T]</c>: what the store holds and what the running worker last did; the health check
/// exits 69 when a running worker's last beat is older than <c>--max-age</c>. The running worker is simulated by a
/// status file naming this (live) process.
/// </summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void WriteStatus(TimeSpan age, string? mailboxProblem = null) =>
        StatusFile.Write(CliStore.StorePath(_folder), new WorkerStatus(
            At: Support.Cli.Now - age,
            Reason: "interval",
            Mailbox: "Folder reports@hq.example.com",
            MailboxProblem: mailboxProblem,
            Messages: 84,
            NewMessages: 0,
            NewSubmissions: 0,
            Obligations: new Dictionary<string, int> { ["on-time"] = 57, ["missing"] = 6 },
            Queued: 0,
            Sent: 2,
            Waiting: 0,
            ProcessId: Environment.ProcessId,
            Interval: TimeSpan.FromSeconds(30)));

    [Fact]
    public async Task Status_OnAStoreNotCreatedYet_SaysSo_AndIsHealthy()
    {
        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain(CliStore.StorePath(_folder)).And.Contain("(not created yet)").And.Contain("no beat recorded");
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("status only looks");
    }

    [Fact]
    public async Task Status_OnAStoreWithMessages_CountsThemAndJudgesTheObligationsNow()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().NotContain("(not created yet)");
        run.Out.Should().Contain("Stored:   84 message(s), ").And.Contain("0 mail(s) queued in all");
        run.Out.Should().MatchRegex(@"Obligations now: .*\d+ missing.*\d+ on-time");
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(7, 69)]
    public async Task Status_WithoutMaxAge_AllowsThreeBeatsAndFiveMinutes(int minutes, int exitCode)
    {
        WriteStatus(TimeSpan.FromMinutes(minutes));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(exitCode, "a 30 s beat is stale after 3 x 30 s + 5 min = 6.5 minutes");
    }

    [Fact]
    public async Task Status_ARunningWorkersBeatOlderThanMaxAge_IsUnhealthy()
    {
        WriteStatus(age: TimeSpan.FromMinutes(5));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--max-age", "00:02:00");

        run.ExitCode.Should().Be(69);
        run.Out.Should().Contain($"running (process {Environment.ProcessId})").And.Contain("300 s ago");
        run.Error.Should().Contain("unhealthy").And.Contain("300 s ago");
    }

    [Fact]
    public async Task Status_ARunningWorkersFreshBeat_IsHealthy_AndShowsWhatItDid()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--max-age", "00:02:00");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"running (process {Environment.ProcessId})")
            .And.Contain("last beat 2026-11-24 09:59:50 (interval), 10 s ago")
            .And.Contain("Messages: 84 stored")
            .And.Contain("6 missing, 57 on-time")
            .And.Contain("0 queued and 2 sent at the last beat");
    }

    [Fact]
    public async Task Status_ARunningWorkerThatCannotReadTheMailbox_IsUnhealthy()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10), mailboxProblem: "the folder is gone");

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(69);
        run.Out.Should().Contain("cannot be read: the folder is gone");
    }

    [Fact]
    public async Task Status_AMaxAgeThatIsNotATimeSpan_IsAUsageErrorNamingTheOption()
    {
        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--max-age", "soon");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--max-age");
    }
}
