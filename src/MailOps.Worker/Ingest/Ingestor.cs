using MailOps.Compliance.Common;
using MailOps.Parsing;
using MailOps.Worker.Actions;
using MailOps.Worker.Events;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailOps.Worker.Ingest;

/// <summary>
/// Reads the mailbox's changes into the store, page by page: each new message is recorded once, with what
/// parsing made of it, and the cursor is saved only after its page's messages are stored, so a crash at any
/// point repeats at most the page in hand, and the store drops what it has already seen. Raw MIME is fetched
/// only for messages whose metadata could be a report.
/// </summary>
/// <remarks>
/// No one message can stop the pass. A message whose handling fails is stored with the outcome
/// <see cref="NonMatchReason.HandlingFailed"/> and its error, for HQ's triage; one whose MIME cannot be fetched is
/// remembered and tried again at the start of later passes, and held for a person with the error after
/// <see cref="FetchPolicy.MaxAttempts"/> tries spread over at least <see cref="FetchPolicy.HoldAfter"/>. Only a
/// failure of the store itself (<see cref="StoreFaultException"/>), a mailbox that refuses MailOps, or several
/// fetches failing in a row (the mailbox, not the message) end a pass early. Each message is handled inside a log
/// scope carrying its Message-ID and the mailbox's id for it, so whatever is logged meanwhile (here, by the mailbox's
/// client, by the store) says which message it was about.
/// </remarks>
/// <remarks>
/// With <paramref name="invitations"/>, a meeting request (or a forwarded invitation or .ics calendar that is not a
/// report) declares, moves or cancels project events in the store before its page is committed; applying it again
/// after a restart changes nothing. The message itself is stored as <see cref="NonMatchReason.Invitation"/>, or as
/// <see cref="NonMatchReason.EventUnplaced"/> for HQ's triage when it reads like an event that cannot be placed.
/// </remarks>
/// <remarks>
/// With <paramref name="actions"/> on, a reviewer's action from the digest (subject <c>[MailOps] dismiss …</c>) is fetched
/// whatever else it looks like, and never read as a report: <see cref="MailActions.Handle"/> applies or refuses it, writing
/// what it did (and the reply) before the page is committed and remembering the mail, so a page read again after a kill
/// applies nothing twice. The mail is stored as <see cref="NonMatchReason.MailAction"/>.
/// </remarks>
/// <param name="rebind">What reads mail once an invitation changed the events: the next message (a meeting's minutes in the same page) is parsed against them.</param>
internal sealed partial class Ingestor(IMailbox mailbox, MailStore store, MessageParser parser, FetchPolicy? fetchPolicy = null, ILogger<Ingestor>? logger = null, InvitationEvents? invitations = null, Func<(MessageParser Parser, InvitationEvents? Invitations)>? rebind = null, MailActions? actions = null)
{
    private static readonly Func<ILogger, string?, string, IDisposable?> MessageScope =
        LoggerMessage.DefineScope<string?, string>("Message {MessageId} (mailbox id {MailboxId})");

    private readonly FetchPolicy _policy = fetchPolicy ?? FetchPolicy.Default;
    private MessageParser _parser = parser;
    private InvitationEvents? _invitations = invitations;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    private string CursorKey => CursorKeyOf(mailbox);

    /// <summary>Where the store keeps a mailbox's cursor.</summary>
    public static string CursorKeyOf(IMailbox mailbox) => $"{mailbox.Identity.Kind}:{mailbox.Identity.Address}";

    /// <summary>
    /// Tries again the messages whose MIME could not be fetched before, then reads until the mailbox reports it has
    /// caught up, or until <paramref name="cancellationToken"/> asks to stop: then the page in hand is finished and
    /// its cursor saved first (a page is at most one mailbox page of fetches); returns what this pass stored.
    /// </summary>
    /// <param name="progress">Told the running counts after each stored page.</param>
    /// <exception cref="MailboxUnavailableException">The mailbox could not be read, or several fetches in a row failed.</exception>
    /// <exception cref="StoreFaultException">The store could not be written: the pass stops where it was.</exception>
    public async Task<IngestCounts> IngestAsync(CancellationToken cancellationToken, IProgress<IngestCounts>? progress = null)
    {
        var counts = new IngestCounts();
        mailbox.KnowStored(store.StoredOrPending);
        var retried = new PageBatch(store);
        await RetryPendingAsync(counts, retried).ConfigureAwait(false);
        retried.Commit(counts, null, null);

        var cursor = store.Cursor(CursorKey);
        MailboxPage page;
        do
        {
            page = await ReadPageAsync(cursor, cancellationToken).ConfigureAwait(false);
            var batch = new PageBatch(store);
            var present = page.Messages.Where(m => !m.Removed).ToList();
            var known = store.Known([.. present.Select(Describe)]);
            var failedInARow = 0;
            foreach (var message in present)
            {
                bool fetched;
                using (MessageScope(_logger, message.InternetMessageId, message.Id))
                {
                    fetched = await IngestOneAsync(message, counts, batch, known, CancellationToken.None).ConfigureAwait(false);
                }

                failedInARow = fetched ? 0 : failedInARow + 1;
                if (failedInARow >= _policy.FailuresInARowMeanMailboxDown)
                {
                    // Not the message: the mailbox. What the page read so far is kept, and the page is read again next
                    // time from the cursor before it (its failures are remembered).
                    batch.Commit(counts, null, null);
                    throw new MailboxUnavailableException($"{mailbox.Identity.Address}: {failedInARow} messages in a row could not be fetched; the last: {counts.LastFetchError}");
                }
            }

            // The page and the cursor after it in one commit: a page is never half counted.
            batch.Commit(counts, CursorKey, page.Cursor);
            cursor = page.Cursor;
            progress?.Report(counts);
        }
        while (page.More && !cancellationToken.IsCancellationRequested);

        return counts;
    }

    private async Task<MailboxPage> ReadPageAsync(string? cursor, CancellationToken cancellationToken)
    {
        try
        {
            return await mailbox.ReadChangesAsync(cursor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not MailboxUnavailableException)
        {
            throw new MailboxUnavailableException($"{mailbox.Identity.Address}: the mailbox could not be read: {ex.Message}", ex);
        }
    }

    // Returns false only when the message's MIME could not be fetched.
    // `known` is what the store held of the page before it (one lookup for the page); `batch`, what the page added.
    private async Task<bool> IngestOneAsync(MailboxMessage message, IngestCounts counts, PageBatch batch, KnownMessages known, CancellationToken cancellationToken)
    {
        if (batch.HasSeen(message.Id) || known.Has(message.Id))
        {
            // Stored already (or earlier in this page), or waiting for its fetch to be tried again at the start of a pass.
            return true;
        }

        var seen = Describe(message);

        // The same message under a new id (a resync, a copy, a redelivery) is remembered but not counted again.
        if (batch.HasSeenSame(seen) || known.HasSame(seen))
        {
            batch.Add(seen, null, Counted.Duplicate);
            return true;
        }

        if (actions?.Claim(message.Subject) is null && !CouldBeReport(message))
        {
            batch.Add(seen, null, Counted.Skipped);
            return true;
        }

        byte[] raw;
        try
        {
            raw = await mailbox.FetchMimeAsync(message.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsMessageFailure(ex))
        {
            counts.LastFetchError = ex.Message;
            FetchFailed(Info(message), seen, ex.Message, counts, batch);
            return false;
        }

        Record(seen, raw, batch);
        return true;
    }

    // Messages whose fetch failed before, tried once each per pass; a mailbox still down fails them all again and
    // counts one more attempt each, which the hold's time floor keeps from holding a report after a short outage.
    private async Task RetryPendingAsync(IngestCounts counts, PageBatch batch)
    {
        foreach (var pending in store.PendingFetchList())
        {
            using var scope = MessageScope(_logger, pending.InternetMessageId, pending.MailboxId);
            var info = new MailboxMessageInfo(pending.MailboxId, pending.InternetMessageId, pending.From, pending.Subject, pending.Received);
            var seen = Describe(new MailboxMessage(pending.MailboxId, pending.InternetMessageId, pending.Subject, pending.From, pending.Received));
            byte[] raw;
            try
            {
                raw = await mailbox.FetchMimeAsync(pending.MailboxId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsMessageFailure(ex))
            {
                counts.LastFetchError = ex.Message;
                FetchFailed(info, seen, ex.Message, counts, batch);
                continue;
            }

            counts.Retried++;
            Record(seen, raw, batch);
        }
    }

    private void FetchFailed(MailboxMessageInfo info, StoredMessage seen, string error, IngestCounts counts, PageBatch batch)
    {
        counts.FetchFailures++;
        var pending = store.RecordFetchFailure(info, error);
        var attempts = pending.Attempts;
        if (attempts < _policy.MaxAttempts || pending.LastFailedAt - pending.FirstFailedAt < _policy.HoldAfter)
        {
            LogFetchFailed(_logger, attempts, error);
            return;
        }

        LogHeldUnfetched(_logger, attempts, error);

        var detail = new LocalizedText(
            $"MailOps 无法取得这封邮件的内容（尝试 {attempts} 次）：{error}",
            $"MailOps could not fetch this message's content ({attempts} attempts): {error}");
        seen.Parsed = false;
        batch.Add(seen, StoredOutcomes.Failed(seen, detail), Counted.Held);
    }

    private void Record(StoredMessage seen, byte[] raw, PageBatch batch)
    {
        ParseOutcome outcome;
        try
        {
            outcome = _parser.Parse(raw, seen.Received);
        }
#pragma warning disable CA1031 // One message's failure is that message's outcome: the pass goes on.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            LogHandlingFailed(_logger, ex);
            var detail = new LocalizedText($"处理这封邮件时出错（{ex.GetType().Name}）：{ex.Message}", $"handling this message failed ({ex.GetType().Name}): {ex.Message}");
            batch.Add(seen, StoredOutcomes.Failed(seen, detail), Counted.Held);
            return;
        }

        seen.Parsed = true;
        if (actions?.Claim(seen.Subject) is { } claim)
        {
            batch.Add(seen, Act(seen, raw, outcome, claim), Counted.Action);
            return;
        }

        if (_invitations is not null && AsInvitation(seen, raw, outcome) is { } invitation)
        {
            batch.Add(seen, invitation, Counted.Parsed);
            return;
        }

        batch.Add(seen, StoredOutcomes.From(seen.Id, outcome), outcome.Matched ? Counted.Submission : Counted.Parsed);
    }

    // An action mail's failure is that mail's outcome, never triage's; only the store's own failure stops the pass.
    private StoredOutcome Act(StoredMessage seen, byte[] raw, ParseOutcome outcome, ActionClaim claim)
    {
        try
        {
            return actions!.Handle(store, seen, raw, outcome, _parser, claim);
        }
#pragma warning disable CA1031 // One message's failure is that message's outcome: the pass goes on.
        catch (Exception ex) when (ex is not (StoreException or OutOfMemoryException))
#pragma warning restore CA1031
        {
            LogHandlingFailed(_logger, ex);
            return new StoredOutcome
            {
                Id = seen.Id,
                MessageId = outcome.MessageId,
                Reason = NonMatchReason.MailAction,
                ReasonDetail = $"处理邮件操作时出错（{ex.GetType().Name}），未执行：{ex.Message}",
                ReasonDetailEn = $"handling the mail action failed ({ex.GetType().Name}); not applied: {ex.Message}",
                Received = seen.Received,
            };
        }
    }

    // A meeting request is never a report, whatever its subject; an .ics attached or forwarded counts only when the
    // message is not a report. MailOps's own mail, delivery reports and auto-replies say nothing of events.
    private StoredOutcome? AsInvitation(StoredMessage seen, byte[] raw, ParseOutcome outcome)
    {
        if (outcome.Reason is NonMatchReason.OwnMail or NonMatchReason.DeliveryReport or NonMatchReason.AutoReply)
        {
            return null;
        }

        var reading = _invitations!.Read(raw, seen.Received, outcome.MessageId, seen.From);
        if (!reading.IsInvitation || (outcome.Matched && !reading.IsMeetingRequest))
        {
            return null;
        }

        // What an invitation declares or cancels is taken only from a sender the tenant vouches for (a forged internal
        // From could otherwise cancel a unit's meeting), and a cancellation only from the item's organizer.
        var held = _parser.UntrustedSender(raw) is { } untrusted
            ? untrusted
            : reading.Method == Parsing.Invitations.InvitationMethod.Cancel && !FromOrganizer(seen.From, reading)
                ? new LocalizedText($"取消会议的发件人 {seen.From} 不是会议组织者 {reading.Organizer}，未采用", $"the cancellation's sender {seen.From} is not the meeting's organizer {reading.Organizer}; not applied")
                : null;
        if (held is { } why)
        {
            return new StoredOutcome
            {
                Id = seen.Id,
                MessageId = outcome.MessageId,
                Matched = false,
                Reason = NonMatchReason.EventUnplaced,
                ReasonDetail = "会议邀请未采用：" + why.Zh,
                ReasonDetailEn = "invitation not applied: " + why.En,
                Submitter = outcome.Submitter,
                Received = seen.Received,
            };
        }

        var cancellations = reading.Cancellations.ToList();
        if (reading.Method != Parsing.Invitations.InvitationMethod.Cancel)
        {
            cancellations.AddRange(Dropped(reading));
        }
        else
        {
            // A cancelled series cancels every occurrence stored, also those outside the window expanded.
            var sequence = reading.Cancellations.Select(c => c.Sequence).DefaultIfEmpty().Max();
            var reason = reading.Cancellations.Count > 0 ? reading.Cancellations[0].Reason : "会议已取消 / meeting cancelled";
            cancellations.AddRange(reading.Series.SelectMany(store.EventsOfItem).Where(e => !e.IsCancelled && e.Source == EventSource.Invitation)
                .Select(e => new EventCancellation(e.Id, EventSource.Invitation, outcome.MessageId, seen.From ?? reading.Organizer ?? "", reason, sequence, reading.Organizer)));
        }

        if ((reading.Declarations.Count > 0 || cancellations.Count > 0)
            && store.ApplyEvents(reading.Declarations, cancellations).Any(c => c != EventChangeKind.Unchanged)
            && rebind is not null)
        {
            (_parser, _invitations) = rebind();
        }

        var detail = reading.Describe();
        return new StoredOutcome
        {
            Id = seen.Id,
            MessageId = outcome.MessageId,
            Matched = false,
            Reason = reading.Unplaced.Count > 0 || reading.Problem is not null ? NonMatchReason.EventUnplaced : NonMatchReason.Invitation,
            ReasonDetail = detail.Zh,
            ReasonDetailEn = detail.En,
            Submitter = outcome.Submitter,
            Received = seen.Received,
        };
    }

    private static bool FromOrganizer(string? from, InvitationReading reading)
    {
        var sender = from is not null && MimeKit.MailboxAddress.TryParse(from, out var mailbox) ? mailbox.Address : from;
        return sender is not null && reading.Organizer is { } organizer && string.Equals(sender, organizer, StringComparison.OrdinalIgnoreCase);
    }

    // An updated series states all its occurrences: a stored one in the window it no longer holds (a new EXDATE, a
    // shortened RRULE) will not happen.
    private IEnumerable<EventCancellation> Dropped(InvitationReading reading)
    {
        if (reading.Declarations.Count == 0)
        {
            return [];
        }

        var first = reading.Declarations[0];
        var declared = reading.Declarations.Select(d => d.Event.Id).ToHashSet(StringComparer.Ordinal);
        var sequence = reading.Declarations.Select(d => d.Sequence).DefaultIfEmpty().Max();
        return reading.Series
            .SelectMany(store.EventsOfItem)
            .Where(e => !e.IsCancelled && e.Source == EventSource.Invitation && e.Start >= reading.From && e.Start < reading.To && !declared.Contains(e.Id))
            .Select(e => new EventCancellation(e.Id, EventSource.Invitation, first.SourceRef, first.Author, "不再属于该系列会议 / no longer in the series", sequence, first.Organizer));
    }

    /// <summary>How a message stored from a page counts.</summary>
    private enum Counted
    {
        Parsed,
        Submission,
        Skipped,
        Duplicate,
        Held,
        Action,
    }

    /// <summary>
    /// The messages of one page, stored together by <see cref="Commit"/>: duplicates within the page are known before
    /// the commit, and the counts are those of what the commit stored.
    /// </summary>
    private sealed class PageBatch(MailStore store)
    {
        private readonly List<(StoredMessage Message, StoredOutcome? Outcome)> _records = [];
        private readonly List<Counted> _counted = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly HashSet<string> _secondKeys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _senderKeys = new(StringComparer.Ordinal);

        public bool HasSeen(string id) => _ids.Contains(StoreKeys.Of(id));

        public bool HasSeenSame(StoredMessage message) =>
            _secondKeys.Contains(message.SecondKey) || message.SenderMessageKey is { } key && _senderKeys.Contains(key);

        public void Add(StoredMessage message, StoredOutcome? outcome, Counted counted)
        {
            if (!_ids.Add(StoreKeys.Of(message.MailboxId ?? message.Id)))
            {
                return;
            }

            _secondKeys.Add(message.SecondKey);
            if (message.SenderMessageKey is { } key)
            {
                _senderKeys.Add(key);
            }

            _records.Add((message, outcome));
            _counted.Add(counted);
        }

        public void Commit(IngestCounts counts, string? cursorKey, string? cursor)
        {
            var stored = store.RecordPage(_records, cursorKey, cursor);
            for (var i = 0; i < stored.Count; i++)
            {
                if (!stored[i])
                {
                    continue;
                }

                switch (_counted[i])
                {
                    case Counted.Submission:
                        counts.Parsed++;
                        counts.Submissions++;
                        break;
                    case Counted.Parsed:
                        counts.Parsed++;
                        break;
                    case Counted.Skipped:
                        counts.Skipped++;
                        break;
                    case Counted.Duplicate:
                        counts.Duplicates++;
                        break;
                    case Counted.Held:
                        counts.Held++;
                        break;
                    case Counted.Action:
                        counts.Parsed++;
                        counts.Actions++;
                        break;
                }
            }

            _records.Clear();
            _counted.Clear();
        }
    }

    // The pre-fetch check reads untrusted metadata; if it trips on what it reads, fetch and let the parser (which never
    // throws) decide, rather than let one subject stop the pass.
    private bool CouldBeReport(MailboxMessage message)
    {
        try
        {
            return _parser.CouldBeReport(message.Subject, message.From) || _invitations?.MayBeEvent(message.Subject) == true;
        }
#pragma warning disable CA1031 // Untrusted input: whatever it provokes means "look closer", never "stop".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return true;
        }
    }

    // A failure fetching one message: the mailbox refusing MailOps, a cancellation and the store's own faults are not.
    private static bool IsMessageFailure(Exception ex) =>
        ex is not (MailboxAccessException or OperationCanceledException or StoreException or OutOfMemoryException);

    private static StoredMessage Describe(MailboxMessage message) => new()
    {
        Id = message.Id,
        MailboxId = message.Id,
        InternetMessageId = message.InternetMessageId,
        From = message.From,
        Subject = message.Subject,
        Received = message.Received,
        SecondKey = StoredMessage.SecondKeyOf(message.InternetMessageId, message.From, message.Received),
        SenderMessageKey = StoredMessage.SenderMessageKeyOf(message.InternetMessageId, message.From),
    };

    private static MailboxMessageInfo Info(MailboxMessage message) => new(message.Id, message.InternetMessageId, message.From, message.Subject, message.Received);

    [LoggerMessage(51, LogLevel.Warning, "The message's content could not be fetched (attempt {Attempts}); it is tried again at the next pass: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, int attempts, string error);

    [LoggerMessage(52, LogLevel.Warning, "The message's content could not be fetched in {Attempts} attempts; it is held for a person: {Error}")]
    private static partial void LogHeldUnfetched(ILogger logger, int attempts, string error);

    [LoggerMessage(53, LogLevel.Error, "Handling the message failed; it is held for a person")]
    private static partial void LogHandlingFailed(ILogger logger, Exception exception);
}

/// <summary>How often a message whose MIME cannot be fetched is tried again before it is held for a person.</summary>
/// <param name="MaxAttempts">Tries before it is held; default 5.</param>
/// <param name="HoldAfter">The least time between the first and the last failed try before it is held; default 15 minutes, so a short outage holds nothing.</param>
/// <param name="FailuresInARowMeanMailboxDown">Fetches failing in a row that end the pass as the mailbox's failure; default 3.</param>
internal sealed record FetchPolicy(int MaxAttempts, TimeSpan HoldAfter, int FailuresInARowMeanMailboxDown)
{
    public static FetchPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15), 3);
}

/// <summary>What one ingest pass stored: messages parsed (and of them submissions), remembered without fetching, and held.</summary>
internal sealed class IngestCounts
{
    public int Parsed { get; set; }

    public int Submissions { get; set; }

    public int Skipped { get; set; }

    /// <summary>Messages already stored under another id or as the same Message-ID from the same sender: remembered, not counted.</summary>
    public int Duplicates { get; set; }

    /// <summary>Messages whose fetch failed before and succeeded this pass.</summary>
    public int Retried { get; set; }

    public int FetchFailures { get; set; }

    /// <summary>Messages stored as <see cref="NonMatchReason.HandlingFailed"/> for a person to look at.</summary>
    public int Held { get; set; }

    /// <summary>Reviewers' action mails handled (applied or refused); counted in <see cref="Parsed"/> too.</summary>
    public int Actions { get; set; }

    public string? LastFetchError { get; set; }

    /// <summary>New messages this pass stored, whatever became of them.</summary>
    public int Stored => Parsed + Skipped + Duplicates + Held;
}
