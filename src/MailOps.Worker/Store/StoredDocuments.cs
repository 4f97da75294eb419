using MailOps.Compliance.Evaluation;
using MailOps.Parsing;

namespace MailOps.Worker.Store;

/// <summary>A message the mailbox reported, keyed by the mailbox's immutable id.</summary>
public sealed class StoredMessage
{
    /// <summary>The store's key: the mailbox's immutable id, or its hash when it is too long for an index (<see cref="StoreKeys"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The mailbox's immutable id as the mailbox gave it (Graph's ImmutableId, the folder's file name).</summary>
    public string? MailboxId { get; set; }

    public string? InternetMessageId { get; set; }

    public string? From { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset Received { get; set; }

    /// <summary>The second key: Internet Message-ID, sender and received instant, since Message-ID alone is neither unique nor stable in Exchange.</summary>
    public string SecondKey { get; set; } = "";

    /// <summary>
    /// The third key: Internet Message-ID and the sender's address, without the received instant. The same Message-ID
    /// from the same sender is the same message, however often it is delivered (a storm of copies counts once).
    /// Null when the message has no Message-ID.
    /// </summary>
    public string? SenderMessageKey { get; set; }

    /// <summary>Whether the raw MIME was fetched and parsed (false for ordinary mail skipped on its metadata).</summary>
    public bool Parsed { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    public static string SecondKeyOf(string? internetMessageId, string? from, DateTimeOffset received) =>
        StoreKeys.Of($"{internetMessageId?.Trim().ToLowerInvariant()}|{from?.Trim().ToLowerInvariant()}|{received.ToUniversalTime():O}");

    public static string? SenderMessageKeyOf(string? internetMessageId, string? from)
    {
        var id = internetMessageId?.Trim().Trim('<', '>').ToLowerInvariant();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var address = from is not null && MimeKit.MailboxAddress.TryParse(from, out var sender) ? sender.Address : from;
        return StoreKeys.Of($"{id}|{address?.Trim().ToLowerInvariant()}");
    }
}

/// <summary>
/// A message whose raw MIME could not be fetched, tried again on later passes up to a bound, then held for a person
/// with the error. Keyed like <see cref="StoredMessage"/>; gone once the message is stored.
/// </summary>
public sealed class PendingFetch
{
    public string Id { get; set; } = "";

    public string MailboxId { get; set; } = "";

    public string? InternetMessageId { get; set; }

    public string? From { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset Received { get; set; }

    public int Attempts { get; set; }

    public string LastError { get; set; } = "";

    public DateTimeOffset FirstFailedAt { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }
}

/// <summary>What parsing made of a stored message: a submission, or a non-match with its reason.</summary>
public sealed class StoredOutcome
{
    /// <summary>The stored message's id.</summary>
    public string Id { get; set; } = "";

    public string MessageId { get; set; } = "";

    public bool Matched { get; set; }

    /// <summary>Why it is not a submission; null for a submission. Stored under its name (<see cref="NonMatchReasons.Name"/>).</summary>
    public NonMatchReason? Reason { get; set; }

    public string? ReasonDetail { get; set; }

    public string? ReasonDetailEn { get; set; }

    public string? Report { get; set; }

    public string? Unit { get; set; }

    public string? Period { get; set; }

    public string? Submitter { get; set; }

    public DateTimeOffset? Received { get; set; }

    public List<string> Recipients { get; set; } = [];

    public List<StoredFinding> Findings { get; set; } = [];

    /// <summary>Set when a person accepts an unauthenticated sender's report as a submission.</summary>
    public string? AcceptedBy { get; set; }
}

public sealed class StoredFinding
{
    /// <summary>Stored under its name (<see cref="FindingKinds.Name"/>).</summary>
    public FindingKind Kind { get; set; }

    public string Detail { get; set; } = "";

    public string DetailEn { get; set; } = "";
}

/// <summary>A mail MailOps sends, queued under its idempotency key, with the draft id recorded before sending.</summary>
public sealed class StoredNotification
{
    /// <summary>The idempotency key: kind, obligation or period, recipient. Unique.</summary>
    public string Id { get; set; } = "";

    public string Kind { get; set; } = "";

    public byte[] Mime { get; set; } = [];

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The last instant it may be sent (a nudge: its deadline; a digest: its day's working hours); null: whenever.</summary>
    public DateTimeOffset? NotAfter { get; set; }

    /// <summary>When it was dropped unsent because <see cref="NotAfter"/> had passed (MailOps was down, or the mailbox).</summary>
    public DateTimeOffset? ExpiredAt { get; set; }

    /// <summary>The draft created for it (Graph), recorded before the send so a crash between the two never sends twice.</summary>
    public string? DraftId { get; set; }

    public string? SentId { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>Where a mailbox's reading stopped.</summary>
public sealed class StoredCursor
{
    /// <summary>The mailbox's kind and address.</summary>
    public string Id { get; set; } = "";

    public string Cursor { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>
/// A judgement a person recorded (wrong, concealed, additional penalty), kept as entered; a revoked one is kept too,
/// with who revoked it, when and why, and counts nowhere from then on.
/// </summary>
public sealed class StoredManualEntry
{
    public int Id { get; set; }

    public string Kind { get; set; } = "";

    public string Unit { get; set; } = "";

    public string? ObligationKey { get; set; }

    /// <summary>The day the entry counts on, <c>yyyy-MM-dd</c>.</summary>
    public string EffectiveDate { get; set; } = "";

    public int Points { get; set; }

    public string Reason { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the judgement was withdrawn; null while it stands.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevokeReason { get; set; }
}

/// <summary>Who changed what, when: every write to the store leaves one.</summary>
public sealed class AuditRecord
{
    public int Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string? Detail { get; set; }
}
