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

    /// <summary>The raw RFC 5322 bytes of one message.</summary>
    Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a message. <see cref="OutgoingMail.IdempotencyKey"/> names it: sending the same key again after a
    /// crash never sends it twice. Returns the mailbox's id of the sent message.
    /// </summary>
    Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
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
