using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>A first start whose mailbox cannot be read judges nothing as missing from mail it has never seen.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Beat_OnAFirstStartWhoseMailboxCannotBeRead_SendsNothing_AndSaysTheMailboxWasNeverRead()
    {
        await using var server = await GraphTestServer.StartAsync();
        server.Deliver(Eml.Daily("daily-23@callcenter.example.com"));
        server.Faults = new GraphFaults { Rate = 1.0, Kinds = [GraphFault.Unavailable] };
        using var mailbox = new GraphMailbox(server.Options(), _time, NullLogger<GraphMailbox>.Instance);
        using var worker = PulseHarness.Start(_folder["mailops.db"], _time, mailbox);

        var first = await worker.BeatAsync(BeatReason.Start);

        first.MailboxProblem.Should().NotBeNull();
        first.Queued.Total.Should().Be(0, "a digest now would count every obligation overdue from mail never seen");
        first.Snapshot.Results.Should().BeEmpty();
        worker.Store.NotificationCount.Should().Be(0);
        StatusFile.Read(worker.Store.Path)!.Should().Match<WorkerStatus>(s => !s.MailboxEverRead && s.MailboxProblem != null);

        server.Faults = GraphFaults.None;
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await worker.BeatAsync();

        second.MailboxProblem.Should().BeNull();
        second.Queued.Digests.Should().BeGreaterThan(0, "once the mailbox has been read, the morning's digest goes out");
        second.Snapshot.Results.Single(r => r.Obligation.Key == "callcenter-daily/callcenter/2026-11-23").Status.Should().Be(Compliance.Evaluation.ObligationStatus.OnTime);
        StatusFile.Read(worker.Store.Path)!.MailboxEverRead.Should().BeTrue();
    }
}
