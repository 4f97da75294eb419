using System.Text;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Mailboxes;

/// <summary>
/// What every mailbox promises the ingestor and the dispatcher, run against the folder mailbox and against the Graph
/// mailbox talking to the Graph test server.
/// </summary>
public abstract class MailboxContractTests : IAsyncLifetime
{
    private protected TempFolder Folder { get; } = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh client of the same mailbox, as after a restart.</summary>
    private protected abstract IMailbox Mailbox(int pageSize = 100);

    /// <summary>Puts a message in the watched folder; returns its id.</summary>
    protected abstract string Deliver(int number, string eml);

    protected abstract void Remove(string id);

    /// <summary>How many times a message with this subject went out.</summary>
    protected abstract int TimesSent(string subject);

    protected abstract string ExpectedKind { get; }

    private static async Task<List<MailboxPage>> ReadUntilCaughtUp(IMailbox mailbox, string? cursor = null)
    {
        var pages = new List<MailboxPage>();
        MailboxPage page;
        do
        {
            page = await mailbox.ReadChangesAsync(cursor, default);
            pages.Add(page);
            cursor = page.Cursor;
        }
        while (page.More);

        return pages;
    }

    private static OutgoingMail Mail(string key, string subject) =>
        new(key, Encoding.UTF8.GetBytes($"From: reports@hq.example.com\r\nTo: crm@cq.example.com\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@hq.example.com>\r\n\r\n请于今日 18:00 前补报。\r\n"));

    [Fact]
    public async Task ReadChanges_FromNoCursor_ReportsEveryMessageOnceInPagesUntilCaughtUp()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Deliver(i, Eml.Daily($"m{i}@callcenter.example.com"))).ToList();

        var pages = await ReadUntilCaughtUp(Mailbox(pageSize: 2));

        pages.SelectMany(p => p.Messages).Select(m => m.Id).Should().BeEquivalentTo(ids).And.OnlyHaveUniqueItems();
        pages.Should().HaveCountGreaterThanOrEqualTo(3, "five messages at two a page");
        pages.Take(pages.Count - 1).Should().OnlyContain(p => p.More && p.Messages.Count == 2);
        pages[^1].More.Should().BeFalse();
        var first = pages[0].Messages[0];
        first.InternetMessageId.Should().Be("<m0@callcenter.example.com>");
        first.From.Should().Contain("chen.xue@callcenter.example.com");
        first.Subject.Should().Be("呼叫中心信息日报 2026-11-23");
        first.Received.Should().Be(new DateTimeOffset(2026, 11, 23, 20, 40, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task ReadChanges_FromASavedCursor_ByANewClient_ResumesWithoutRepeatingTheFirstPage()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Deliver(i, Eml.Daily($"m{i}@callcenter.example.com"))).ToList();
        var first = await Mailbox(pageSize: 2).ReadChangesAsync(null, default);

        var rest = await ReadUntilCaughtUp(Mailbox(pageSize: 2), first.Cursor);

        first.More.Should().BeTrue();
        rest.SelectMany(p => p.Messages).Select(m => m.Id).Should().BeEquivalentTo(ids.Except(first.Messages.Select(m => m.Id)));
    }

    [Fact]
    public async Task ReadChanges_AfterCatchingUp_PicksUpANewMessage()
    {
        Deliver(0, Eml.Daily("old@callcenter.example.com"));
        var caughtUp = (await ReadUntilCaughtUp(Mailbox()))[^1];

        var id = Deliver(1, Eml.Daily("new@callcenter.example.com", receivedAt: "2026-11-24T20:40:00+08:00"));
        var next = await ReadUntilCaughtUp(Mailbox(), caughtUp.Cursor);

        next.SelectMany(p => p.Messages).Should().Contain(m => m.Id == id && m.InternetMessageId == "<new@callcenter.example.com>" && !m.Removed);
    }

    [Fact]
    public async Task ReadChanges_AfterAMessageIsRemoved_NeverReportsItAsPresent()
    {
        var gone = Deliver(0, Eml.Daily("gone@callcenter.example.com"));
        Deliver(1, Eml.Daily("kept@callcenter.example.com"));
        var caughtUp = (await ReadUntilCaughtUp(Mailbox()))[^1];

        Remove(gone);
        var after = (await ReadUntilCaughtUp(Mailbox(), caughtUp.Cursor)).Concat(await ReadUntilCaughtUp(Mailbox())).SelectMany(p => p.Messages);

        after.Should().NotContain(m => m.Id == gone && !m.Removed);
    }

    [Fact]
    public async Task FetchMime_GivesBackTheMessagesBytes()
    {
        var eml = Eml.Daily("bytes@callcenter.example.com");
        var id = Deliver(0, eml);

        (await Mailbox().FetchMimeAsync(id, default)).Should().Equal(Encoding.UTF8.GetBytes(eml));
    }

    [Fact]
    public async Task Draft_ThenSend_GoesOutOnceAndLeavesTheDrafts()
    {
        var mailbox = Mailbox();
        var draft = await mailbox.CreateDraftAsync(Mail("nudge/cq/2026-11-23", "催报 draft-then-send"), default);
        (await mailbox.DraftStateAsync(draft, default)).Should().Be(DraftState.Waiting);

        await mailbox.SendDraftAsync(draft, default);

        (await Mailbox().DraftStateAsync(draft, default)).Should().NotBe(DraftState.Waiting);
        TimesSent("催报 draft-then-send").Should().Be(1);
    }

    [Fact]
    public async Task Send_AfterACrashBetweenDraftAndSend_OrBetweenSendAndItsRecord_GoesOutExactlyOnce()
    {
        using var store = MailStore.Open(Folder["mailops.db"], Time);
        store.TryQueue("nudge/a", "nudge", Mail("nudge/a", "催报 crashed before send").Mime).Should().BeTrue();
        store.TryQueue("nudge/b", "nudge", Mail("nudge/b", "催报 crashed after send").Mime).Should().BeTrue();
        store.TryQueue("nudge/a", "nudge", Mail("nudge/a", "催报 crashed before send").Mime).Should().BeFalse("a key is queued once");

        // The first run drafted both and recorded the drafts; it sent b but died before recording that.
        var crashed = Mailbox();
        store.RecordDraft("nudge/a", await crashed.CreateDraftAsync(Mail("nudge/a", "催报 crashed before send"), default));
        var b = await crashed.CreateDraftAsync(Mail("nudge/b", "催报 crashed after send"), default);
        store.RecordDraft("nudge/b", b);
        await crashed.SendDraftAsync(b, default);

        using var dispatcher = new NotificationDispatcher(Mailbox(), store, new SendingOptions(), Time, NullLogger<NotificationDispatcher>.Instance);
        var first = await dispatcher.DrainAsync(default);
        var second = await dispatcher.DrainAsync(default);

        (first.Sent, first.Recovered, first.Failed).Should().Be((1, 1, 0));
        (second.Sent, second.Recovered).Should().Be((0, 0));
        TimesSent("催报 crashed before send").Should().Be(1);
        TimesSent("催报 crashed after send").Should().Be(1);
        store.Unsent().Should().BeEmpty();
    }

    [Fact]
    public void Identity_NamesTheKindAndTheAddress()
    {
        Mailbox().Identity.Should().Be(new MailboxIdentity(ExpectedKind, "reports@hq.example.com"));
    }
}
