namespace MailOps.Worker.Mailboxes;

/// <summary>
/// The shared mailbox, shaped by what Microsoft Graph does efficiently: changes since a cursor in pages (with
/// just the metadata classification needs), one message's raw MIME on demand, sending, and who it is.
/// </summary>
internal interface IMailbox
{
    /// <summary>The mailbox's address and kind, for logs and for recognizing mail sent from it.</summary>
    MailboxIdentity Identity { get; }

    /// <summary>
    /// The next page of changes after <paramref name="cursor"/> (null: from the start). Persist
    /// <see cref="MailboxPage.Cursor"/> only after the page's messages are stored.
    /// </summary>
    Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the mailbox how to ask its reader which message ids it has stored: a mailbox that starts knowing nothing
    /// of what it reported before (the folder mailbox) then reports only what the reader lacks, instead of every
    /// message once more. A mailbox that reads a real delta (Graph) has no need of it.
    /// </summary>
    void KnowStored(Func<IReadOnlyCollection<string>, IReadOnlySet<string>> stored)
    {
    }

    /// <summary>The raw RFC 5322 bytes of one message.</summary>
    Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Sending is two steps so that a crash between them never sends twice: the caller records the draft's id
    /// (<see cref="Store.MailStore.RecordDraft"/>) before <see cref="SendDraftAsync"/>, and after a restart asks
    /// <see cref="DraftStateAsync"/> whether a recorded draft still waits. Returns the draft's id.
    /// </summary>
    Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Sends a draft made by <see cref="CreateDraftAsync"/>; returns the mailbox's id of the sent message.</summary>
    Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken);

    /// <summary>Whether a draft still waits to be sent, or has left the drafts (sent, or gone).</summary>
    Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken);
}

/// <summary>Where a recorded draft stands after a restart.</summary>
public enum DraftState
{
    /// <summary>Still a draft: it was never sent, so send it.</summary>
    Waiting,

    /// <summary>Sent: record it as sent.</summary>
    Sent,

    /// <summary>No longer in the mailbox under its id; only sending removes MailOps's drafts, so it is taken as sent.</summary>
    Gone,
}

public sealed record MailboxIdentity(string Kind, string Address);

/// <summary>
/// One message as a change reports it: the mailbox's immutable id and the metadata that decides whether the
/// raw MIME is worth fetching. <see cref="Removed"/> marks a message deleted from the watched folder.
/// </summary>
public sealed record MailboxMessage(string Id, string? InternetMessageId, string? Subject, string? From, DateTimeOffset Received, bool Removed = false);

/// <param name="Messages">The page's changes.</param>
/// <param name="Cursor">Where the next read starts.</param>
/// <param name="More">Whether more pages follow now; false when the reader has caught up.</param>
public sealed record MailboxPage(IReadOnlyList<MailboxMessage> Messages, string Cursor, bool More);

/// <summary>A message to send, with the key that makes sending it idempotent (kind, obligation or period, recipient).</summary>
public sealed record OutgoingMail(string IdempotencyKey, byte[] Mime);
