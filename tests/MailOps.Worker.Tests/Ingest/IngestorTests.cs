using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Ingest;

public sealed class IngestorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private CountingMailbox Mailbox() => new(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], PageSize = 2 }, _time));

    [Fact]
    public async Task Ingest_StoresEachMessageOnce_AndFetchesOnlyWhatCouldBeAReport()
    {
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("daily-1@callcenter.example.com"));
        Eml.Drop(_folder["inbox"], "2.eml", Eml.Ordinary("ad@shop.example.org"));
        Eml.Drop(_folder["inbox"], "3.eml", Eml.Daily("daily-1@callcenter.example.com"));
        Eml.Drop(_folder["inbox"], "4.eml", Eml.Daily("daily-2@callcenter.example.com", receivedAt: "2026-11-24T20:30:00+08:00"));
        var mailbox = Mailbox();
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        var first = await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(default);
        var second = await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(default);

        (first.Parsed, first.Submissions, first.Skipped, first.Duplicates).Should().Be((2, 2, 1, 1), "3.eml is 1.eml again, and 2.eml is ordinary mail");
        (second.Parsed, second.Skipped).Should().Be((0, 0));
        mailbox.Fetched.Should().BeEquivalentTo("1.eml", "4.eml");
        store.AllOutcomes().Select(o => o.Period).Should().BeEquivalentTo("2026-11-23", "2026-11-23");
    }

    [Fact]
    public async Task Ingest_AfterARestart_StoresOnlyWhatIsNew()
    {
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("daily-1@callcenter.example.com"));
        using (var store = MailStore.Open(_folder["mailops.db"], _time))
        {
            await new Ingestor(Mailbox(), store, ShippedRegime.Parser).IngestAsync(default);
        }

        Eml.Drop(_folder["inbox"], "0.eml", Eml.Daily("daily-0@callcenter.example.com", receivedAt: "2026-11-22T20:30:00+08:00"));
        using var reopened = MailStore.Open(_folder["mailops.db"], _time);
        var counts = await new Ingestor(Mailbox(), reopened, ShippedRegime.Parser).IngestAsync(default);

        counts.Parsed.Should().Be(1);
        reopened.AllOutcomes().Select(o => o.MessageId).Should().BeEquivalentTo("<daily-0@callcenter.example.com>", "<daily-1@callcenter.example.com>");
    }

    [Fact]
    public async Task Ingest_AskedToStopMidPage_FinishesThePageInHand_AndSavesItsCursor()
    {
        for (var i = 1; i <= 5; i++)
        {
            Eml.Drop(_folder["inbox"], $"{i}.eml", Eml.Daily($"daily-{i}@callcenter.example.com"));
        }

        using var stop = new CancellationTokenSource();
        var mailbox = Mailbox();
        mailbox.OnFetch = stop.Cancel;
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        var counts = await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(stop.Token);

        counts.Parsed.Should().Be(2, "the stop came while fetching the first message, and the page of two was finished");
        store.MessageCount.Should().Be(2, "nothing after the page in hand was read");
        store.Cursor("Folder:reports@hq.example.com").Should().EndWith(":2.eml", "the folder mailbox's cursor is the page's number and its last file");
    }

    /// <summary>Counts the raw-MIME requests, as Graph's $value requests would be counted.</summary>
    private sealed class CountingMailbox(IMailbox inner) : IMailbox
    {
        public Action? OnFetch { get; set; }

        public List<string> Fetched { get; } = [];

        public MailboxIdentity Identity => inner.Identity;

        public Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken) => inner.ReadChangesAsync(cursor, cancellationToken);

        public Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken)
        {
            OnFetch?.Invoke();
            Fetched.Add(id);
            return inner.FetchMimeAsync(id, cancellationToken);
        }

        public Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken) => inner.CreateDraftAsync(mail, cancellationToken);

        public Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken) => inner.SendDraftAsync(draftId, cancellationToken);

        public Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken) => inner.DraftStateAsync(draftId, cancellationToken);
    }
}
