using MailOps.Compliance.Common;
using MailOps.Parsing;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;

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
/// fetches failing in a row (the mailbox, not the message) end a pass early.
/// </remarks>
internal sealed class Ingestor(IMailbox mailbox, MailStore store, MessageParser parser, FetchPolicy? fetchPolicy = null)
{
    private readonly FetchPolicy _policy = fetchPolicy ?? FetchPolicy.Default;

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
        await RetryPendingAsync(counts).ConfigureAwait(false);

        var cursor = store.Cursor(CursorKey);
        MailboxPage page;
        do
        {
            page = await ReadPageAsync(cursor, cancellationToken).ConfigureAwait(false);
            var failedInARow = 0;
            foreach (var message in page.Messages.Where(m => !m.Removed))
            {
                var fetched = await IngestOneAsync(message, counts, CancellationToken.None).ConfigureAwait(false);
                failedInARow = fetched ? 0 : failedInARow + 1;
                if (failedInARow >= _policy.FailuresInARowMeanMailboxDown)
                {
                    // Not the message: the mailbox. The page is read again next time (its failures are remembered).
                    throw new MailboxUnavailableException($"{mailbox.Identity.Address}: {failedInARow} messages in a row could not be fetched; the last: {counts.LastFetchError}");
                }
            }

            store.SaveCursor(CursorKey, page.Cursor);
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
    private async Task<bool> IngestOneAsync(MailboxMessage message, IngestCounts counts, CancellationToken cancellationToken)
    {
        if (store.HasSeen(message.Id) || store.IsPendingFetch(message.Id))
        {
            // Stored already, or waiting for its fetch to be tried again at the start of a pass.
            return true;
        }

        var seen = Describe(message);

        // The same message under a new id (a resync, a copy, a redelivery) is remembered but not counted again.
        if (store.HasSeenSame(seen))
        {
            counts.Duplicates += store.TryRecord(seen, null) ? 1 : 0;
            return true;
        }

        if (!CouldBeReport(message))
        {
            counts.Skipped += store.TryRecord(seen, null) ? 1 : 0;
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
            FetchFailed(Info(message), seen, ex.Message, counts);
            return false;
        }

        Record(seen, raw, counts);
        return true;
    }

    // Messages whose fetch failed before, tried once each per pass; a mailbox still down fails them all again and
    // counts one more attempt each, which the hold's time floor keeps from holding a report after a short outage.
    private async Task RetryPendingAsync(IngestCounts counts)
    {
        foreach (var pending in store.PendingFetchList())
        {
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
                FetchFailed(info, seen, ex.Message, counts);
                continue;
            }

            counts.Retried++;
            Record(seen, raw, counts);
        }
    }

    private void FetchFailed(MailboxMessageInfo info, StoredMessage seen, string error, IngestCounts counts)
    {
        counts.FetchFailures++;
        var pending = store.RecordFetchFailure(info, error);
        var attempts = pending.Attempts;
        if (attempts < _policy.MaxAttempts || pending.LastFailedAt - pending.FirstFailedAt < _policy.HoldAfter)
        {
            return;
        }

        var detail = new LocalizedText(
            $"MailOps 无法取得这封邮件的内容（尝试 {attempts} 次）：{error}",
            $"MailOps could not fetch this message's content ({attempts} attempts): {error}");
        seen.Parsed = false;
        counts.Held += store.TryRecord(seen, StoredOutcomes.Failed(seen, detail)) ? 1 : 0;
    }

    private void Record(StoredMessage seen, byte[] raw, IngestCounts counts)
    {
        ParseOutcome outcome;
        try
        {
            outcome = parser.Parse(raw, seen.Received);
        }
#pragma warning disable CA1031 // One message's failure is that message's outcome: the pass goes on.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            var detail = new LocalizedText($"处理这封邮件时出错（{ex.GetType().Name}）：{ex.Message}", $"handling this message failed ({ex.GetType().Name}): {ex.Message}");
            counts.Held += store.TryRecord(seen, StoredOutcomes.Failed(seen, detail)) ? 1 : 0;
            return;
        }

        seen.Parsed = true;
        if (store.TryRecord(seen, StoredOutcomes.From(seen.Id, outcome)))
        {
            counts.Parsed++;
            counts.Submissions += outcome.Matched ? 1 : 0;
        }
    }

    // The pre-fetch check reads untrusted metadata; if it trips on what it reads, fetch and let the parser (which never
    // throws) decide, rather than let one subject stop the pass.
    private bool CouldBeReport(MailboxMessage message)
    {
        try
        {
            return parser.CouldBeReport(message.Subject, message.From);
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

    public string? LastFetchError { get; set; }

    /// <summary>New messages this pass stored, whatever became of them.</summary>
    public int Stored => Parsed + Skipped + Duplicates + Held;
}
