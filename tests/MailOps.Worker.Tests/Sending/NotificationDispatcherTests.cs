using System.Collections.Concurrent;
using System.Text;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Sending;

public sealed class NotificationDispatcherTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private RecordingMailbox Mailbox() =>
        new(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), _time);

    private static byte[] Mime(int i) => Encoding.UTF8.GetBytes($"From: reports@hq.example.com\r\nTo: crm@cq.example.com\r\nSubject: 催报 {i}\r\n\r\n请补报。\r\n");

    private MailStore StoreWith(int notifications)
    {
        var store = MailStore.Open(_folder["mailops.db"], _time);
        for (var i = 0; i < notifications; i++)
        {
            store.TryQueue($"nudge/{i:000}", "nudge", Mime(i));
        }

        return store;
    }

    /// <summary>
    /// Runs a drain while moving the fake clock on five seconds at a time, as long as it waits; from the first send
    /// on when <paramref name="firstSent"/> is given, since the drain's work runs on the thread pool, which a loaded
    /// machine may not reach before the clock has run past a deadline.
    /// </summary>
    private async Task<DispatchCounts> DrainOnTheFakeClock(NotificationDispatcher dispatcher, Task? firstSent = null)
    {
        var drain = dispatcher.DrainAsync(default);
        if (firstSent is not null)
        {
            await Task.WhenAny(firstSent, drain).WaitAsync(TimeSpan.FromMinutes(2));
        }

        while (!drain.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        return await drain;
    }

    [Fact]
    public async Task Drain_FiveHundredQueuedAtOnce_SendsEachOnceAndNoMinuteHoldsMoreThanPerMinute()
    {
        using var store = StoreWith(500);
        var mailbox = Mailbox();
        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions { PerMinute = 30, Concurrency = 4 }, _time, NullLogger<NotificationDispatcher>.Instance);

        var counts = await DrainOnTheFakeClock(dispatcher);

        counts.Sent.Should().Be(500);
        store.Unsent().Should().BeEmpty();
        Directory.GetFiles(_folder["outbox"], "*.eml").Should().HaveCount(500);
        mailbox.Sends.Keys.Should().HaveCount(500).And.OnlyHaveUniqueItems();
        mailbox.Sends.Values.Should().OnlyContain(n => n == 1);
        var instants = mailbox.SentAt.Order().ToList();
        var busiest = instants.Select(start => instants.Count(t => t >= start && t < start.AddMinutes(1))).Max();
        busiest.Should().BeLessThanOrEqualTo(30, "no 60-second window holds more than PerMinute sends");
        (instants[^1] - instants[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(16), "500 at 30 a minute take sixteen minutes and more");
        mailbox.MaxInFlight.Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task Drain_AFailedSend_LeavesTheNotificationQueuedForTheNextDrain()
    {
        using var store = StoreWith(3);
        var mailbox = Mailbox();
        mailbox.FailOnce.Add("nudge/001");
        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions(), _time, NullLogger<NotificationDispatcher>.Instance);

        var first = await dispatcher.DrainAsync(default);
        var queued = store.Unsent().Select(n => n.Id).ToList();
        var second = await dispatcher.DrainAsync(default);

        (first.Sent, first.Failed).Should().Be((2, 1));
        queued.Should().Equal("nudge/001");
        store.Notification("nudge/001")!.DraftId.Should().NotBeNull("the draft was recorded before the send failed");
        (second.Sent, second.Failed).Should().Be((1, 0));
        store.Unsent().Should().BeEmpty();
        mailbox.Sends.Values.Should().OnlyContain(n => n == 1);
    }

    [Fact]
    public async Task Drain_RecordsTheDraftBeforeSendingAndTheSentIdAfter()
    {
        using var store = StoreWith(1);
        var mailbox = Mailbox();
        mailbox.BeforeSend = () => store.Notification("nudge/000")!.Should().Match<StoredNotification>(n => n.DraftId != null && n.SentAt == null);
        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions(), _time, NullLogger<NotificationDispatcher>.Instance);

        await dispatcher.DrainAsync(default);

        var sent = store.Notification("nudge/000")!;
        (sent.SentId, sent.SentAt).Should().Be((sent.DraftId, _time.GetUtcNow()));
        store.Audit().Select(a => a.Action).Should().ContainInOrder("notification-queued", "notification-drafted", "notification-sent");
    }

    private static SendingHours Hours => new(Compliance.Common.RegimeZone.Shanghai, Compliance.Notices.WorkingHours.Default);

    [Theory]
    [InlineData("at night", 3, false)]
    [InlineData("before the working day", 8, false)]
    [InlineData("at the working day's start", 9, true)]
    [InlineData("in the afternoon", 15, true)]
    [InlineData("after the working day", 22, false)]
    public async Task Drain_WithWorkingHours_SendsOnlyInThem(string edge, int localHour, bool sends)
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 25, localHour, 0, 0, TimeSpan.FromHours(8)));
        using var store = StoreWith(2);
        using var dispatcher = new NotificationDispatcher(Mailbox(), store, new SendingOptions(), _time, NullLogger<NotificationDispatcher>.Instance, Hours);

        var counts = await dispatcher.DrainAsync(default);

        counts.Sent.Should().Be(sends ? 2 : 0, edge);
        store.Unsent().Should().HaveCount(sends ? 0 : 2, "what waits is sent when the hours open");
    }

    [Fact]
    public async Task Drain_AMailPastItsLastInstant_IsDroppedUnsentAndAudited()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));
        _time.SetUtcNow(now);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        store.QueueAll([new QueuedMail("nudge/late", "nudge", Mime(1), now.AddHours(-12)), new QueuedMail("nudge/timely", "nudge", Mime(2), now.AddHours(12))]);
        var mailbox = Mailbox();
        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions(), _time, NullLogger<NotificationDispatcher>.Instance, Hours);

        var counts = await dispatcher.DrainAsync(default);

        (counts.Sent, counts.Expired).Should().Be((1, 1));
        mailbox.Sends.Should().ContainSingle();
        store.Notification("nudge/timely")!.SentAt.Should().Be(now);
        store.Notification("nudge/late")!.Should().Match<StoredNotification>(n => n.ExpiredAt == now && n.SentAt == null);
        store.Unsent().Should().BeEmpty();
        store.Audit().Should().Contain(a => a.Action == "notification-expired" && a.Target == "nudge/late");
    }

    [Fact]
    public async Task Drain_ANudgeWhoseDeadlinePassesWhileItWaitsForItsTurn_IsDroppedNotSentLate()
    {
        var now = new DateTimeOffset(2026, 11, 25, 16, 59, 30, TimeSpan.FromHours(8));
        _time.SetUtcNow(now);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        var deadline = now.AddSeconds(30);
        store.QueueAll([new QueuedMail("nudge/first", "nudge", Mime(1), deadline), new QueuedMail("nudge/second", "nudge", Mime(2), deadline)]);
        var mailbox = Mailbox();
        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions { PerMinute = 1, Concurrency = 1 }, _time, NullLogger<NotificationDispatcher>.Instance, Hours);

        var counts = await DrainOnTheFakeClock(dispatcher, mailbox.FirstSent.Task);

        (counts.Sent, counts.Expired).Should().Be((1, 1), "at one a minute the second's turn comes after its 17:00 deadline");
        // Both were queued at once, so either may go first; the other is the one that waited.
        var waited = new[] { store.Notification("nudge/first")!, store.Notification("nudge/second")! }.Single(n => n.SentAt == null);
        waited.Should().Match<StoredNotification>(n => n.ExpiredAt != null && n.DraftId == null, "no draft is made for a mail that will not go");
        mailbox.Sends.Should().ContainSingle();
    }

    [Fact]
    public async Task Drain_AMailPastItsLastInstantButAlreadyDrafted_IsFinishedNotDropped()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));
        _time.SetUtcNow(now);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        store.QueueAll([new QueuedMail("nudge/half-sent", "nudge", Mime(1), now.AddHours(-12))]);
        var mailbox = Mailbox();
        var draft = await mailbox.CreateDraftAsync(new OutgoingMail("nudge/half-sent", Mime(1)), default);
        store.RecordDraft("nudge/half-sent", draft);
        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions(), _time, NullLogger<NotificationDispatcher>.Instance, Hours);

        var counts = await dispatcher.DrainAsync(default);

        (counts.Sent, counts.Expired).Should().Be((1, 0), "a crash between draft and send is finished, whatever the time");
    }

    /// <summary>A folder mailbox that notes when (on the fake clock) each draft went out, how many at once, and can fail a send.</summary>
    private sealed class RecordingMailbox(FolderMailbox inner, TimeProvider time) : IMailbox
    {
        private int _inFlight;
        private int _maxInFlight;

        public ConcurrentDictionary<string, int> Sends { get; } = new();

        public ConcurrentBag<DateTimeOffset> SentAt { get; } = [];

        public HashSet<string> FailOnce { get; } = [];

        public Action? BeforeSend { get; set; }

        public int MaxInFlight => _maxInFlight;

        /// <summary>Completed when the first draft has gone out.</summary>
        public TaskCompletionSource FirstSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public MailboxIdentity Identity => inner.Identity;

        public Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken) => inner.ReadChangesAsync(cursor, cancellationToken);

        public Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken) => inner.FetchMimeAsync(id, cancellationToken);

        public Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken) => inner.CreateDraftAsync(mail, cancellationToken);

        public Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken) => inner.DraftStateAsync(draftId, cancellationToken);

        public async Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (Sends)
            {
                _maxInFlight = Math.Max(_maxInFlight, now);
            }

            try
            {
                await Task.Yield();
                BeforeSend?.Invoke();
                lock (FailOnce)
                {
                    if (FailOnce.RemoveWhere(key => draftId.StartsWith(key.Replace('/', '_'), StringComparison.Ordinal)) > 0)
                    {
                        throw new MailboxUnavailableException($"{draftId}: the mailbox did not answer");
                    }
                }

                var sent = await inner.SendDraftAsync(draftId, cancellationToken);
                Sends.AddOrUpdate(draftId, 1, (_, n) => n + 1);
                SentAt.Add(time.GetUtcNow());
                FirstSent.TrySetResult();
                return sent;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
