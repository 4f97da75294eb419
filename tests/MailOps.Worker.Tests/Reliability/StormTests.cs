using MailOps.Worker.Mailboxes;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>A storm: one report delivered 200 times under the same Message-ID, at 200 different instants.</summary>
public sealed class StormTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Beat_TwoHundredCopiesOfOneMessageId_CountOneSubmission_InTheStoreStatusAndLog()
    {
        for (var i = 0; i < 200; i++)
        {
            var received = new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.FromHours(8)).AddSeconds(i * 7);
            Eml.Drop(_folder["inbox"], $"copy-{i:D3}.eml", Eml.Daily("storm@callcenter.example.com", receivedAt: received.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero }, _time);
        using var worker = PulseHarness.Start(_folder["mailops.db"], _time, mailbox);

        var report = await worker.BeatAsync("start");

        (report.Ingested!.Submissions, report.Ingested.Duplicates).Should().Be((1, 199));
        worker.Store.AllOutcomes().Should().ContainSingle(o => o.Matched);
        worker.Assessor.Judge(worker.Store, _time.GetUtcNow()).Results
            .Single(r => r.Obligation.Key == "callcenter-daily/callcenter/2026-11-23").Counted!.Received
            .Should().Be(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.FromHours(8)), "the first delivery is the one that counts");
        Worker.Running.StatusFile.Read(worker.Store.Path)!.NewSubmissions.Should().Be(1);
    }
}
