using System.Globalization;
using System.Text;
using System.Text.Json;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>
/// A storm (Reliability/storm): one report delivered 200 times under the same Message-ID at 200 different instants,
/// read through the real folder mailbox into a real store.
/// </summary>
public sealed class StormTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Reliability", "storm");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Beat_TwoHundredCopiesOfOneMessageId_CountOneSubmission_InTheStoreStatusAndLog()
    {
        var expected = JsonSerializer.Deserialize<ExpectedStorm>(File.ReadAllText(Path.Combine(Folder, "expected.json")), Json)!;
        var mime = File.ReadAllText(Path.Combine(Folder, expected.File), Encoding.UTF8);
        for (var i = 0; i < expected.Copies; i++)
        {
            var received = expected.Counted.AddSeconds(i * 7).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            Eml.Drop(_folder["inbox"], $"copy-{i:D3}.eml", $"X-Received-At: {received}\r\n{mime}");
        }

        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero }, _time);
        using var worker = PulseHarness.Start(_folder["mailops.db"], _time, mailbox);

        var report = await worker.BeatAsync(BeatReason.Start);

        (report.Ingested!.Submissions, report.Ingested.Duplicates).Should().Be((expected.Submissions, expected.Duplicates));
        worker.Store.AllOutcomes().Should().ContainSingle(o => o.Matched);
        worker.Assessor.Judge(worker.Store, _time.GetUtcNow()).Results
            .Single(r => r.Obligation.Key == $"{expected.Report}/{expected.Unit}/{expected.Period}").Counted!.Received
            .Should().Be(expected.Counted, "the first delivery is the one that counts");
        Worker.Running.StatusFile.Read(worker.Store.Path)!.NewSubmissions.Should().Be(expected.Submissions);
    }

    private sealed record ExpectedStorm(string File, string What, int Copies, int Submissions, int Duplicates, string Report, string Unit, string Period, DateTimeOffset Counted);
}
