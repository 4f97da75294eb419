using MailOps.Worker.Mailboxes;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>
/// The store on a file system that fills up and frees again (a real tmpfs), beside the same run on an ordinary disk:
/// while the store cannot be written the beat judges and sends nothing and says the store is at fault, and once space
/// returns the worker reopens it and sends what the run without the fault sends.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private static readonly TimeSpan Zone = TimeSpan.FromHours(8);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Beats_ThroughAFullDisk_SendWhatARunWithoutTheFaultSends_AndBlameTheStore()
    {
        using var small = SmallFileSystem.TryMount(_folder["small"], megabytes: 4, out var why);
        Skip.If(small is null, $"no small file system to fill: {why}");

        var withFault = await RunAsync(_folder["small/mailops.db"], "with-fault", small);
        var without = await RunAsync(_folder["disk/mailops.db"], "without", null);

        withFault.DuringFault.Should().NotBeEmpty().And.OnlyContain(r => r.StoreProblem != null && r.MailboxProblem == null, "a full disk is the store's fault, not the mailbox's");
        withFault.DuringFault.Should().OnlyContain(r => r.Queued.Total == 0 && r.Sent.Sent == 0, "a beat that hit a store fault judges, queues and sends nothing");
        withFault.Sent.Select(m => m.Key).Should().BeEquivalentTo(without.Sent.Select(m => m.Key));
        withFault.Sent.Where(m => m.Kind != "digest").Should().BeEquivalentTo(without.Sent.Where(m => m.Kind != "digest"), o => o.Excluding(m => m.Date));
        withFault.Sent.Single(m => m.Key == "digest/2026-11-24/cs-dl@hq.example.com").Text
            .Should().Contain("存储无法写入", "the next digest says the store failed and when");
        without.Sent.Single(m => m.Key == "digest/2026-11-24/cs-dl@hq.example.com").Text.Should().NotContain("存储无法写入");

        // The database that failed its writes is gone: collecting it must not end the process (LiteDB's transaction
        // finalizer throws on a failed commit's pages; AbandonedDatabase suppresses it).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private async Task<Run> RunAsync(string storePath, string name, SmallFileSystem? small)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, Zone));
        var inbox = _folder[$"{name}/inbox"];
        var outbox = _folder[$"{name}/outbox"];
        foreach (var day in new[] { 20, 21, 22 })
        {
            Eml.Drop(inbox, $"daily-{day}.eml", Eml.Daily($"daily-{day}@callcenter.example.com", receivedAt: $"2026-11-{day}T20:00:00+08:00"));
        }

        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = inbox, Outbox = outbox, SettleTime = TimeSpan.Zero }, time);
        var duringFault = new List<Worker.Running.PulseReport>();
        using var worker = PulseHarness.Start(storePath, time, mailbox);
        await At(time, worker, 12, 0);
        await At(time, worker, 18, 45);
        small?.Fill();
        var fault = await At(time, worker, 19, 30);
        Eml.Drop(inbox, "daily-23.eml", Eml.Daily("daily-23@callcenter.example.com", receivedAt: "2026-11-23T20:00:00+08:00"));
        var stillFull = await At(time, worker, 20, 15);
        if (small is not null)
        {
            duringFault.AddRange([fault, stillFull]);
            small.Free();
        }

        await At(time, worker, 20, 30);
        await At(time, worker, 21, 5);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Zone));
        await worker.BeatAsync(BeatReason.Digest);
        await At(time, worker, 9, 30);

        var sent = Directory.GetFiles(outbox, "*.eml").Select(SentMail.Read).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new Run(sent, duringFault);
    }

    private static Task<Worker.Running.PulseReport> At(FakeTimeProvider time, PulseHarness worker, int hour, int minute)
    {
        var now = time.GetUtcNow().ToOffset(Zone);
        time.SetUtcNow(new DateTimeOffset(now.Year, now.Month, now.Day, hour, minute, 0, Zone));
        return worker.BeatAsync();
    }

    private sealed record Run(IReadOnlyList<SentMail> Sent, IReadOnlyList<Worker.Running.PulseReport> DuringFault);

    private sealed record SentMail(string Key, string Kind, string To, string Subject, DateTimeOffset Date, string Text)
    {
        public static SentMail Read(string path)
        {
            var message = MimeMessage.Load(path);
            return new SentMail(
                message.Headers[Worker.Notifications.MailComposer.KeyHeader] ?? "",
                message.Headers[Parsing.ParsingOptions.OwnMailHeader] ?? "",
                message.To.Mailboxes.Single().Address,
                message.Subject ?? "",
                message.Date,
                message.TextBody ?? "");
        }
    }
}
