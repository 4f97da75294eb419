using MailOps.Compliance.Evaluation;
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
internal sealed class Ingestor(IMailbox mailbox, MailStore store, MessageParser parser)
{
    private string CursorKey => CursorKeyOf(mailbox);

    /// <summary>Where the store keeps a mailbox's cursor.</summary>
    public static string CursorKeyOf(IMailbox mailbox) => $"{mailbox.Identity.Kind}:{mailbox.Identity.Address}";

    /// <summary>
    /// Reads until the mailbox reports it has caught up, or until <paramref name="cancellationToken"/> asks to
    /// stop: then the page in hand is finished and its cursor saved first (a page is at most one mailbox page
    /// of fetches); returns what this pass stored.
    /// </summary>
    /// <param name="progress">Told the running counts after each stored page.</param>
    public async Task<IngestCounts> IngestAsync(CancellationToken cancellationToken, IProgress<IngestCounts>? progress = null)
    {
        var counts = new IngestCounts();
        var cursor = store.Cursor(CursorKey);
        MailboxPage page;
        do
        {
            page = await mailbox.ReadChangesAsync(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var message in page.Messages.Where(m => !m.Removed))
            {
                await IngestOneAsync(message, counts, CancellationToken.None).ConfigureAwait(false);
            }

            store.SaveCursor(CursorKey, page.Cursor);
            cursor = page.Cursor;
            progress?.Report(counts);
        }
        while (page.More && !cancellationToken.IsCancellationRequested);

        return counts;
    }

    private async Task IngestOneAsync(MailboxMessage message, IngestCounts counts, CancellationToken cancellationToken)
    {
        if (store.HasSeen(message.Id))
        {
            return;
        }

        var seen = new StoredMessage
        {
            Id = message.Id,
            InternetMessageId = message.InternetMessageId,
            From = message.From,
            Subject = message.Subject,
            Received = message.Received,
            SecondKey = StoredMessage.SecondKeyOf(message.InternetMessageId, message.From, message.Received),
        };

        // The same message under a new id (a resync, a copy) is remembered but not counted again.
        if (store.HasSeenSame(seen.SecondKey) || !parser.CouldBeReport(message.Subject, message.From))
        {
            counts.Skipped += store.TryRecord(seen, null) ? 1 : 0;
            return;
        }

        var raw = await mailbox.FetchMimeAsync(message.Id, cancellationToken).ConfigureAwait(false);
        var outcome = parser.Parse(raw, message.Received);
        seen.Parsed = true;
        if (store.TryRecord(seen, ToStored(message.Id, outcome)))
        {
            counts.Parsed++;
            counts.Submissions += outcome.Matched ? 1 : 0;
        }
    }

    private static StoredOutcome ToStored(string id, ParseOutcome outcome) => new()
    {
        Id = id,
        MessageId = outcome.MessageId,
        Matched = outcome.Matched,
        Reason = outcome.Reason,
        ReasonDetail = outcome.ReasonDetail?.Zh,
        ReasonDetailEn = outcome.ReasonDetail?.En,
        Report = outcome.ReportId,
        Unit = outcome.UnitId,
        Period = outcome.PeriodId,
        Submitter = outcome.Submitter,
        Received = outcome.Message?.Received,
        Recipients = [.. outcome.Submission?.Recipients ?? []],
        Findings = [.. outcome.Findings.Select(f => new StoredFinding { Kind = f.Kind, Detail = f.Detail.Zh, DetailEn = f.Detail.En })],
    };
}

/// <summary>What one ingest pass stored: messages parsed (and of them submissions), and messages remembered without fetching.</summary>
internal sealed class IngestCounts
{
    public int Parsed { get; set; }

    public int Submissions { get; set; }

    public int Skipped { get; set; }
}
