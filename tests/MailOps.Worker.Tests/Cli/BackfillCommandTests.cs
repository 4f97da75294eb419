using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops backfill --since D</c> over the sample month in a folder mailbox: what the store holds is never
/// stored twice, what it lacks is stored, and nothing is ever sent.
/// </summary>
public sealed class BackfillCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private MailStore OpenStore() => MailStore.Open(CliStore.StorePath(_folder), new FakeTimeProvider(Support.Cli.Now));

    private Task<CliRun> BackfillAsync(string since) => Support.Cli.RunAsync(CliStore.Settings(_folder), "backfill", "--since", since);

    [Fact]
    public async Task Backfill_AfterIngest_StoresNothingNew_AndPrintsTheSummary()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await BackfillAsync("2026-11-01");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Backfilled reports@hq.example.com from 2026-11-01: 0 new message(s) stored, 0 parsed (0 submission(s)), 0 not fetched; 85 in the store.");
        using var store = OpenStore();
        store.MessageCount.Should().Be(85);
        store.AllOutcomes().Should().OnlyHaveUniqueItems(o => o.MessageId);
    }

    [Fact]
    public async Task Backfill_OnAnEmptyStore_StoresEveryMessage()
    {
        SampleMonth.CopyInbox(_folder["inbox"]);

        var run = await BackfillAsync("2026-11-01");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().MatchRegex(@"Backfilled reports@hq\.example\.com from 2026-11-01: 85 new message\(s\) stored, \d+ parsed \(\d+ submission\(s\)\), \d+ not fetched; 85 in the store\.");
        using var store = OpenStore();
        store.MessageCount.Should().Be(85);
        store.AllOutcomes().Should().Contain(o => o.Matched);
    }

    [Fact]
    public async Task Backfill_NeverSends()
    {
        SampleMonth.CopyInbox(_folder["inbox"]);

        var run = await BackfillAsync("2026-11-01");

        run.ExitCode.Should().Be(0, run.Error);
        using var store = OpenStore();
        store.NotificationCount.Should().Be(0, "nothing is queued");
        (Directory.Exists(_folder["outbox"]) ? Directory.EnumerateFileSystemEntries(_folder["outbox"]) : []).Should().BeEmpty("nothing is sent");
        store.Audit().Select(a => a.Action).Should().NotContain(a => a.StartsWith("notification-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backfill_TwiceOverTheSameMailbox_CountsNothingTwice()
    {
        SampleMonth.CopyInbox(_folder["inbox"]);

        (await BackfillAsync("2026-11-01")).ExitCode.Should().Be(0);
        var again = await BackfillAsync("2026-10-01");

        again.ExitCode.Should().Be(0, again.Error);
        again.Out.Should().Contain(": 0 new message(s) stored");
        using var store = OpenStore();
        store.MessageCount.Should().Be(85);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("last week")]
    public async Task Backfill_ASinceThatIsNotADate_IsAUsageErrorNamingTheOption(string since)
    {
        var run = await BackfillAsync(since);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--since").And.Contain(since);
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse();
    }

    [Fact]
    public async Task Backfill_WhileAnotherProcessHoldsTheStore_IsUnavailable_AndSaysARunningWorkerMayHoldIt()
    {
        SampleMonth.CopyInbox(_folder["inbox"]);
        using var held = OpenStore();

        var run = await BackfillAsync("2026-11-01");

        run.ExitCode.Should().Be(69);
        run.Error.Should().Contain("a running worker (mailops run) may hold the store");
        held.MessageCount.Should().Be(0);
    }
}
