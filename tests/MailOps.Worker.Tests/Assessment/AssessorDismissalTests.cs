using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Assessment;

/// <summary>A message a person dismissed (the console's triage) leaves the triage list of every later judgement, the digest's included.</summary>
public sealed class AssessorDismissalTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Judge_LeavesOutOfTriage_AMessageAPersonDismissed()
    {
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("stranger@outside.example.org", from: "someone@outside.example.org"));
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), store, ShippedRegime.Parser).IngestAsync(default);
        var assessor = new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment());
        var held = assessor.Judge(store, _time.GetUtcNow()).Triage.Should().ContainSingle().Subject;

        store.Dismiss(held.MessageId, "zhang.hq", "不是报表");

        assessor.Judge(store, _time.GetUtcNow()).Triage.Should().BeEmpty();
    }
}
