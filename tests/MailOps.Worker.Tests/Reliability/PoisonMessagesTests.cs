using System.Text.Json;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>
/// No one message stops the worker: the reliability inbox (Reliability/inbox, each poison message followed by an
/// ordinary report, expected.json beside them) read through the real folder and Graph mailboxes into a real store,
/// and a message whose MIME can never be fetched.
/// </summary>
public sealed class PoisonMessagesTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Morning);

    public void Dispose() => _folder.Dispose();

    private static string Inbox => Path.Combine(AppContext.BaseDirectory, "Reliability", "inbox");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static List<ExpectedPoison> Expected { get; } =
        JsonSerializer.Deserialize<List<ExpectedPoison>>(File.ReadAllText(Path.Combine(Inbox, "expected.json")), Json)!;

    [Fact]
    public async Task Beat_OverThePoisonInbox_StoresAndJudgesEveryReport_InTheSameBeat()
    {
        var inbox = CopyInbox();
        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = inbox, Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero, PageSize = 3 }, _time);
        using var worker = PulseHarness.Start(_folder["mailops.db"], _time, mailbox);

        var report = await worker.BeatAsync(BeatReason.Start);

        report.Ingested!.Stored.Should().Be(Expected.Count);
        report.MailboxProblem.Should().BeNull();
        var outcomes = worker.Store.AllOutcomes();
        foreach (var expected in Expected)
        {
            outcomes.Should().ContainSingle(o => o.Report == expected.Report && o.Unit == expected.Unit && o.Period == expected.Period && o.Matched == expected.Matched, expected.What);
            report.Snapshot.Results.Single(r => r.Obligation.Key == $"{expected.Report}/{expected.Unit}/{expected.Period}")
                .Status.Should().Be(ObligationStatus.OnTime, $"{expected.File} ({expected.What}) is judged in the beat that read it");
        }
    }

    [Fact]
    public async Task Ingest_OverThePoisonInbox_ThroughGraph_StoresEveryMessageOnce()
    {
        await using var server = await GraphTestServer.StartAsync();
        foreach (var file in Directory.GetFiles(Inbox, "*.eml").Order(StringComparer.Ordinal))
        {
            server.Deliver(File.ReadAllText(file));
        }

        using var mailbox = new GraphMailbox(server.Options(pageSize: 3), _time, NullLogger<GraphMailbox>.Instance);
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        var counts = await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(default);
        var again = await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(default);

        (counts.Parsed, counts.Submissions).Should().Be((Expected.Count, Expected.Count));
        again.Stored.Should().Be(0);
        store.AllOutcomes().Where(o => o.Matched).Select(o => o.Period).Should().BeEquivalentTo(Expected.Select(e => e.Period));
    }

    [Fact]
    public async Task Ingest_AMessageWhoseMimeIsNeverServed_IsTriedAgain_ThenHeldForAPerson_WhileLaterMailFlows()
    {
        await using var server = await GraphTestServer.StartAsync();
        var poisoned = server.Deliver(Eml.Daily("never-served@callcenter.example.com", receivedAt: "2026-11-22T20:30:00+08:00"));
        server.RefuseMime(poisoned);
        server.Deliver(Eml.Daily("after-it@callcenter.example.com"));
        using var mailbox = new GraphMailbox(server.Options(), _time, NullLogger<GraphMailbox>.Instance);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        var ingestor = new Ingestor(mailbox, store, ShippedRegime.Parser);

        var first = await ingestor.IngestAsync(default);

        first.Submissions.Should().Be(1, "the report after the poisoned message is stored in the same pass");
        first.FetchFailures.Should().Be(1);
        store.PendingFetchList().Should().ContainSingle().Which.MailboxId.Should().Be(poisoned);
        server.Deliver(Eml.Daily("later@callcenter.example.com", receivedAt: "2026-11-23T21:30:00+08:00"));

        var attempts = 1;
        while (store.Outcome(poisoned) is null)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            var pass = await ingestor.IngestAsync(default);
            attempts++;
            attempts.Should().BeLessThanOrEqualTo(FetchPolicy.Default.MaxAttempts + 3, "the message is held after a bounded number of tries");
            pass.FetchFailures.Should().Be(1, "the poisoned message is tried once a pass, not once per page");
        }

        attempts.Should().BeGreaterThanOrEqualTo(FetchPolicy.Default.MaxAttempts);
        var held = store.Outcome(poisoned)!;
        held.Reason.Should().Be(NonMatchReason.HandlingFailed);
        held.ReasonDetailEn.Should().Contain("404");
        store.PendingFetchList().Should().BeEmpty();
        store.AllOutcomes().Count(o => o.Matched).Should().Be(2);
        new Worker.Assessment.Assessor(ShippedRegime.Regime, new Worker.Assessment.AssessmentOptions { Since = new DateOnly(2026, 11, 1) })
            .Judge(store, _time.GetUtcNow()).Triage.Should().ContainSingle(t => t.Reason == "handling-failed" && t.MessageId == "<never-served@callcenter.example.com>");
    }

    [Fact]
    public async Task Ingest_AShortOutageOfFetches_HoldsNothing()
    {
        await using var server = await GraphTestServer.StartAsync();
        var id = server.Deliver(Eml.Daily("served-later@callcenter.example.com"));
        server.RefuseMime(id);
        using var mailbox = new GraphMailbox(server.Options(), _time, NullLogger<GraphMailbox>.Instance);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        var ingestor = new Ingestor(mailbox, store, ShippedRegime.Parser);
        for (var i = 0; i < FetchPolicy.Default.MaxAttempts + 2; i++)
        {
            await ingestor.IngestAsync(default);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        store.Outcome(id).Should().BeNull("tries within a few minutes do not hold a report that may be served again");
        server.ServeMime(id);

        await ingestor.IngestAsync(default);

        store.Outcome(id)!.Matched.Should().BeTrue();
        store.PendingFetchList().Should().BeEmpty();
    }

    private string CopyInbox()
    {
        var inbox = _folder["inbox"];
        Directory.CreateDirectory(inbox);
        foreach (var file in Directory.GetFiles(Inbox, "*.eml"))
        {
            var target = Path.Combine(inbox, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        return inbox;
    }

    private sealed record ExpectedPoison(string File, string What, bool Matched, string Report, string Unit, string Period);
}
