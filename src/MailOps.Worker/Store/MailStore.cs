using System.Globalization;
using LiteDB;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;

namespace MailOps.Worker.Store;

/// <summary>
/// Everything MailOps remembers, in one LiteDB file: messages seen, what parsing made of them, cursors,
/// notifications (unique by idempotency key), manual entries and an audit trail. The file carries a schema
/// version and is migrated forward on open; a file written by a newer MailOps, or one that is not a store at
/// all (empty, truncated), is refused rather than changed. Writes are serialized; <see cref="Backup"/> copies a
/// consistent snapshot while the store runs. Any failure of the file itself (a full disk, an I/O error) is a
/// <see cref="StoreFaultException"/>; after one the database is reopened from the file before it is used again,
/// since LiteDB stays broken after a failed write.
/// </summary>
internal sealed partial class MailStore : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly FileStream _exclusive;
    private LiteDatabase _db;
    private bool _faulted;

    private MailStore(LiteDatabase db, TimeProvider time, string path, FileStream exclusive)
    {
        _db = db;
        _time = time;
        Path = path;
        _exclusive = exclusive;
    }

    public string Path { get; }

    /// <summary>Whether the last use of the file failed; the next use reopens it first.</summary>
    public bool Faulted
    {
        get
        {
            lock (_gate)
            {
                return _faulted;
            }
        }
    }

    public int SchemaVersion => _db.UserVersion;

    private long _eventsVersion;

    /// <summary>Counts the changes to events this instance has written: what binds to the events reads them again only when it moved.</summary>
    public long EventsVersion => Interlocked.Read(ref _eventsVersion);

    private ILiteCollection<StoredMessage> Messages => _db.GetCollection<StoredMessage>("messages");

    private ILiteCollection<StoredOutcome> Outcomes => _db.GetCollection<StoredOutcome>("outcomes");

    private ILiteCollection<StoredCursor> Cursors => _db.GetCollection<StoredCursor>("cursors");

    private ILiteCollection<StoredNotification> Notifications => _db.GetCollection<StoredNotification>("notifications");

    private ILiteCollection<StoredManualEntry> ManualEntries => _db.GetCollection<StoredManualEntry>("manualEntries");

    private ILiteCollection<AuditRecord> AuditTrail => _db.GetCollection<AuditRecord>("audit");

    private ILiteCollection<PendingFetch> PendingFetches => _db.GetCollection<PendingFetch>("pendingFetches");

    private ILiteCollection<StoredEvent> EventsCollection => _db.GetCollection<StoredEvent>("events");

    /// <summary>Opens (or creates) the store at <paramref name="path"/> and migrates it to <see cref="StoreSchema.Latest"/>.</summary>
    /// <exception cref="StoreException">The file cannot be opened, or a newer MailOps wrote it.</exception>
    public static MailStore Open(string path, TimeProvider time)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // LiteDB's direct mode does not keep a second process out on every platform; an exclusive lock on a file
        // beside the store does (flock on Unix, a share-none handle on Windows), so two writers never meet.
        FileStream exclusive;
        try
        {
            exclusive = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StoreException($"{path}: the store is in use by another MailOps process (a running worker?): {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreException($"{path}: the store cannot be opened: {ex.Message}", ex);
        }

        LiteDatabase db;
        try
        {
            StoreFile.EnsureValid(path);
            db = Connect(path);
        }
        catch (StoreException)
        {
            exclusive.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidCastException or ArgumentException)
        {
            exclusive.Dispose();
            throw new StoreException($"{path}: the store cannot be opened: {ex.Message}{StoreFile.WayBack(path)}", ex);
        }

        return Migrated(db, time, path, exclusive);
    }

    // The store over an open database, brought to this MailOps's schema; a migration that fails closes it again.
    private static MailStore Migrated(LiteDatabase db, TimeProvider time, string path, FileStream exclusive)
    {
        var store = new MailStore(db, time, path, exclusive);
        try
        {
            StoreSchema.Migrate(db, path);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public bool HasSeen(string id) => Read("read", () => Messages.Exists(m => m.Id == StoreKeys.Of(id)));

    /// <summary>
    /// Whether the same message is already stored under another id: the same Internet Message-ID, sender and received
    /// instant (a resync, a copy), or the same Message-ID from the same sender (a storm of redeliveries).
    /// </summary>
    public bool HasSeenSame(StoredMessage message) => Read("read", () =>
        Messages.Exists(m => m.SecondKey == message.SecondKey)
        || (message.SenderMessageKey is { } key && Messages.Exists(m => m.SenderMessageKey == key)));

    /// <summary>
    /// What the store already knows of a page of messages, in four indexed lookups for the whole page rather than four
    /// for each message: which ids are stored or wait for a fetch, and which second keys (Message-ID, sender, received)
    /// and sender keys (Message-ID, sender) a stored message has.
    /// </summary>
    public KnownMessages Known(IReadOnlyList<StoredMessage> page) => Read("read", () =>
    {
        var ids = page.Select(m => StoreKeys.Of(m.MailboxId ?? m.Id)).ToList();
        var senderKeys = page.Select(m => m.SenderMessageKey).OfType<string>().ToList();
        return new KnownMessages(
            Messages.Find(StoreQuery.In("_id", ids)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal),
            PendingFetches.Find(StoreQuery.In("_id", ids)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal),
            Messages.Find(StoreQuery.In(nameof(StoredMessage.SecondKey), page.Select(m => m.SecondKey))).Select(m => m.SecondKey).ToHashSet(StringComparer.Ordinal),
            senderKeys.Count == 0 ? [] : Messages.Find(StoreQuery.In(nameof(StoredMessage.SenderMessageKey), senderKeys)).Select(m => m.SenderMessageKey).OfType<string>().ToHashSet(StringComparer.Ordinal));
    });

    /// <summary>
    /// Which of these mailbox ids are stored, or wait for their fetch to be tried again: what a mailbox that knows
    /// nothing (a restarted folder mailbox) need not report again. Through the primary index, a chunk at a time.
    /// </summary>
    public IReadOnlySet<string> StoredOrPending(IReadOnlyCollection<string> mailboxIds) => Read("read", () =>
    {
        var idOf = mailboxIds.Distinct(StringComparer.Ordinal).ToDictionary(StoreKeys.Of, id => id, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in idOf.Keys.Chunk(LookupChunk))
        {
            // LiteDB compares text without case, so a hit can be an id that was not asked about: only exact ones count.
            found.UnionWith(Messages.Find(StoreQuery.In("_id", chunk)).Select(m => idOf.GetValueOrDefault(m.Id)).OfType<string>());
            found.UnionWith(PendingFetches.Find(StoreQuery.In("_id", chunk)).Select(p => idOf.GetValueOrDefault(p.Id)).OfType<string>());
        }

        return (IReadOnlySet<string>)found;
    });

    /// <summary>Stores a message and what parsing made of it together: both or neither. A repeat of a stored id changes nothing.</summary>
    public bool TryRecord(StoredMessage message, StoredOutcome? outcome) => RecordPage([(message, outcome)])[0];

    /// <summary>
    /// Stores the messages of one mailbox page and what parsing made of each, and the cursor after the page, in one
    /// transaction: all or none, so a page is never half counted, and a kill before the commit reads the whole page
    /// again. One commit per page rather than per message is what lets ingest run at the speed of the disk. A
    /// message already stored is left as it is. Returns, in order, whether each was stored now.
    /// </summary>
    public IReadOnlyList<bool> RecordPage(IReadOnlyList<(StoredMessage Message, StoredOutcome? Outcome)> records, string? cursorKey = null, string? cursor = null) => Write("written", () =>
    {
        var stored = new bool[records.Count];
        if (records.Count == 0 && cursorKey is null)
        {
            return (IReadOnlyList<bool>)stored;
        }

        var now = _time.GetUtcNow();
        InTransaction(() =>
        {
            for (var i = 0; i < records.Count; i++)
            {
                var (message, outcome) = records[i];
                message.MailboxId ??= message.Id;
                message.Id = StoreKeys.Of(message.MailboxId);
                if (Messages.Exists(m => m.Id == message.Id))
                {
                    continue;
                }

                message.StoredAt = now;
                Messages.Insert(message);
                if (outcome is not null)
                {
                    outcome.Id = message.Id;
                    Outcomes.Upsert(outcome);
                }

                PendingFetches.Delete(message.Id);
                Audit("mailops", outcome is null ? "message-skipped" : "message-parsed", message.Id, outcome is null ? null : outcome.Matched ? $"{outcome.Report}/{outcome.Unit}/{outcome.Period}" : NonMatchReasons.Name(outcome.Reason!.Value));
                stored[i] = true;
            }

            if (cursorKey is not null)
            {
                Cursors.Upsert(new StoredCursor { Id = cursorKey, Cursor = cursor ?? "", SavedAt = now });
            }
        });
        for (var i = 0; i < records.Count; i++)
        {
            if (stored[i] && records[i].Outcome is { } written)
            {
                OutcomeWritten(written.Id);
            }
        }

        if (_messageCount is { } counted)
        {
            _messageCount = counted + stored.Count(s => s);
        }

        return (IReadOnlyList<bool>)stored;
    });

    public IReadOnlyList<StoredOutcome> AllOutcomes() => Read("read", () => (IReadOnlyList<StoredOutcome>)[.. Outcomes.FindAll()]);

    /// <summary>
    /// The outcomes of messages received from <paramref name="since"/> on (and those with no received instant), found by
    /// the index on the received instant rather than by reading every outcome ever stored. Instants are kept as
    /// ISO 8601 text with their own offset, so the index is read from two days earlier and the rest filtered exactly.
    /// </summary>
    public IReadOnlyList<StoredOutcome> OutcomesReceivedFrom(DateTimeOffset since) => Read("read", () =>
    {
        var slack = since.AddDays(-2).ToString("O", CultureInfo.InvariantCulture);
        var found = Outcomes.Find(StoreQuery.AtLeast(nameof(StoredOutcome.Received), slack))
            .Concat(Outcomes.Find(StoreQuery.Equal(nameof(StoredOutcome.Received), BsonValue.Null)));
        return (IReadOnlyList<StoredOutcome>)[.. found.Where(o => o.Received is not { } received || received >= since)];
    });

    // Lookups by many ids are read a chunk at a time, each chunk its own read: LiteDB holds every page a read touches
    // in its cache until the read ends, and its cache never gives memory back, so one read of thousands of documents
    // would grow the process for good.
    private const int LookupChunk = 500;

    /// <summary>The stored messages with these ids (those not stored are left out).</summary>
    public IReadOnlyDictionary<string, StoredMessage> MessagesById(IEnumerable<string> ids) => Read("read", () =>
    {
        var found = new Dictionary<string, StoredMessage>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            foreach (var message in Messages.Find(StoreQuery.In("_id", chunk)))
            {
                found[message.Id] = message;
            }
        }

        return (IReadOnlyDictionary<string, StoredMessage>)found;
    });

    /// <summary>The stored outcomes with these store ids (those not stored are left out), through the primary index.</summary>
    public IReadOnlyList<StoredOutcome> OutcomesById(IEnumerable<string> ids) => Read("read", () =>
    {
        var found = new List<StoredOutcome>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            found.AddRange(Outcomes.Find(StoreQuery.In("_id", chunk)));
        }

        return (IReadOnlyList<StoredOutcome>)found;
    });

    /// <summary>The stored outcomes counted as one report instance (report, unit, period), through the report and unit indexes.</summary>
    public IReadOnlyList<StoredOutcome> OutcomesOf(string report, string unit, string period) => Read("read", () =>
        (IReadOnlyList<StoredOutcome>)[.. Outcomes.Find(StoreQuery.Equal(nameof(StoredOutcome.Report), report, nameof(StoredOutcome.Unit), unit)).Where(o => o.Period == period)]);

    public StoredOutcome? Outcome(string id) => Read("read", () => Outcomes.FindById(StoreKeys.Of(id)));

    /// <summary>
    /// A person accepts a report held for an unauthenticated sender as the unit's submission, named by the
    /// mailbox's id or its Message-ID; audited under their name. Returns the accepted outcome.
    /// </summary>
    /// <exception cref="StoreException">No such report is held.</exception>
    public StoredOutcome Accept(string idOrMessageId, string author, string reason) => Write("written", () =>
    {
        var wanted = idOrMessageId.Trim().Trim('<', '>');
        var outcome = Outcomes.FindById(StoreKeys.Of(idOrMessageId)) ?? Outcomes.FindAll().FirstOrDefault(o => o.MessageId.Trim('<', '>') == wanted);
        if (outcome is null || outcome.Reason is not NonMatchReason.UnauthenticatedSender || outcome.Report is null)
        {
            throw new StoreException($"\"{idOrMessageId}\" is not a stored report held for an unauthenticated sender.");
        }

        // Accepted already, or dismissed (in the console, by mail): the first decision stands, and says who took it.
        HeldOutcome(outcome.Id);

        var id = outcome.Id;
        outcome.AcceptedBy = author;
        InTransaction(() =>
        {
            Outcomes.Update(outcome);
            Audit(author, "submission-accepted", id, reason);
        });
        OutcomeWritten(id);
        return outcome;
    });

    /// <summary>
    /// How many messages are stored: counted once (LiteDB counts by walking the whole index), then kept by the
    /// writes of this instance, which holds the file alone; counted again after a fault.
    /// </summary>
    public int MessageCount => Read("read", () => _messageCount ??= Messages.Count());

    public int NotificationCount => Read("read", () => Notifications.Count());

    public string? Cursor(string mailbox) => Read("read", () => Cursors.FindById(mailbox)?.Cursor);

    /// <summary>When a mailbox's reading last saved a cursor; null when it was never read into this store.</summary>
    public DateTimeOffset? CursorSavedAt(string mailbox) => Read("read", () => Cursors.FindById(mailbox)?.SavedAt);

    /// <summary>Forgets where a mailbox's reading stopped: the next read starts from the beginning (or the start date).</summary>
    public void ClearCursor(string mailbox) => Write("written", () =>
    {
        InTransaction(() =>
        {
            Cursors.Delete(mailbox);
            Audit("mailops", "cursor-cleared", mailbox, null);
        });
        return true;
    });

    public void SaveCursor(string mailbox, string cursor) =>
        Write("written", () => Cursors.Upsert(new StoredCursor { Id = mailbox, Cursor = cursor, SavedAt = _time.GetUtcNow() }));

    /// <summary>Whether a message's MIME failed to be fetched and waits to be tried again.</summary>
    public bool IsPendingFetch(string id) => Read("read", () => PendingFetches.Exists(p => p.Id == StoreKeys.Of(id)));

    /// <summary>Messages whose MIME could not be fetched yet, oldest first.</summary>
    public IReadOnlyList<PendingFetch> PendingFetchList() => Read("read", () => (IReadOnlyList<PendingFetch>)[.. PendingFetches.FindAll().OrderBy(p => p.FirstFailedAt)]);

    /// <summary>Records one more failed fetch of a message (creating its entry on the first); returns the entry as it now stands.</summary>
    public PendingFetch RecordFetchFailure(MailboxMessageInfo message, string error) => Write("written", () =>
    {
        var id = StoreKeys.Of(message.MailboxId);
        var now = _time.GetUtcNow();
        var pending = PendingFetches.FindById(id) ?? new PendingFetch
        {
            Id = id,
            MailboxId = message.MailboxId,
            InternetMessageId = message.InternetMessageId,
            From = message.From,
            Subject = message.Subject,
            Received = message.Received,
            FirstFailedAt = now,
        };
        pending.Attempts++;
        pending.LastError = error;
        pending.LastFailedAt = now;
        InTransaction(() =>
        {
            PendingFetches.Upsert(pending);
            Audit("mailops", "fetch-failed", id, $"attempt {pending.Attempts}: {error}");
        });
        return pending;
    });

    /// <summary>Queues a notification unless one with its key exists; false when it was already queued (or sent).</summary>
    public bool TryQueue(string key, string kind, byte[] mime) => QueueAll([new QueuedMail(key, kind, mime)]).Count == 1;

    /// <summary>
    /// Queues the mails of one beat together, all or none, each unless one with its key exists; returns those queued.
    /// A beat whose queueing fails therefore leaves nothing half queued for the next beat to complete from other figures.
    /// </summary>
    public IReadOnlyList<QueuedMail> QueueAll(IReadOnlyList<QueuedMail> mails) => Write("written", () =>
    {
        var queued = mails.DistinctBy(m => m.Key, StringComparer.Ordinal).Where(m => !Notifications.Exists(n => n.Id == m.Key)).ToList();
        if (queued.Count == 0)
        {
            return (IReadOnlyList<QueuedMail>)queued;
        }

        var now = _time.GetUtcNow();
        InTransaction(() =>
        {
            foreach (var mail in queued)
            {
                Notifications.Insert(new StoredNotification { Id = mail.Key, Kind = mail.Kind, Mime = mail.Mime, QueuedAt = now, NotAfter = mail.NotAfter });
                Audit("mailops", "notification-queued", mail.Key, mail.Kind);
            }
        });
        return queued;
    });

    public StoredNotification? Notification(string key) => Read("read", () => Notifications.FindById(key));

    /// <summary>
    /// When the latest notification of a kind that was not dropped unsent was queued; null when none was. A digest that
    /// expired unsent reached no one, so what it held must be in the next one.
    /// </summary>
    public DateTimeOffset? LastQueued(string kind) =>
        Read("read", () => LastQueuedQuery(kind).FirstOrDefault()?.QueuedAt);

    /// <summary>How the store finds the last notification of a kind: from the newest, by the index on when each was queued.</summary>
    internal BsonDocument LastQueuedPlan(string kind) => Read("read", () => LastQueuedQuery(kind).GetPlan());

    private ILiteQueryableResult<StoredNotification> LastQueuedQuery(string kind) =>
        Notifications.Query().OrderByDescending(n => n.QueuedAt).Where(n => n.Kind == kind && n.ExpiredAt == null).Limit(1);

    /// <summary>Queued notifications neither sent nor dropped as expired, oldest first.</summary>
    public IReadOnlyList<StoredNotification> Unsent() => Read("read", () => (IReadOnlyList<StoredNotification>)[.. Notifications.Find(n => n.SentAt == null && n.ExpiredAt == null).OrderBy(n => n.QueuedAt)]);

    /// <summary>
    /// Records the draft made for a notification, on disk before it returns: LiteDB writes its log from a background
    /// thread, so a commit can return before the write, and a draft record lost to a kill would make the next run
    /// draft and send the notification again. The checkpoint waits for the log to be written.
    /// </summary>
    public void RecordDraft(string key, string draftId)
    {
        Update(key, n => n.DraftId = draftId, "notification-drafted", draftId);
        Write("written", () =>
        {
            _db.Checkpoint();
            return true;
        });
    }

    /// <summary>Records that a notification's last instant passed before it could be sent: it is dropped, never sent.</summary>
    public void RecordExpired(string key, DateTimeOffset notAfter) =>
        Update(key, n => n.ExpiredAt = _time.GetUtcNow(), "notification-expired", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not sent by {notAfter:O}"));

    public void RecordSent(string key, string sentId) => Update(key, n => (n.SentId, n.SentAt) = (sentId, _time.GetUtcNow()), "notification-sent", sentId);

    /// <summary>Records a person's judgement with its reason and author, and audits it under the author's name.</summary>
    public int AddManualEntry(StoredManualEntry entry) => Write("written", () =>
    {
        entry.RecordedAt = _time.GetUtcNow();
        var id = 0;
        InTransaction(() =>
        {
            id = ManualEntries.Insert(entry).AsInt32;
            Audit(entry.Author, "manual-entry", entry.ObligationKey ?? entry.Unit, $"{entry.Kind} {entry.Points}: {entry.Reason}");
        });
        EntriesWritten();
        return id;
    });

    /// <summary>
    /// Withdraws a judgement: the entry is kept with who revoked it, when and why, and counts nowhere from then on;
    /// audited under the revoker's name beside the entry's own record. Returns the entry as it now stands.
    /// </summary>
    /// <exception cref="StoreException">No entry has that number, or it was revoked already (the first revocation stands).</exception>
    public StoredManualEntry RevokeManualEntry(int id, string author, string reason) => Write("written", () =>
    {
        var entry = ManualEntries.FindById(id);
        if (entry is null)
        {
            var count = ManualEntries.Count();
            throw new StoreException(count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"there is no entry {id}: no judgement has been recorded.")
                : string.Create(CultureInfo.InvariantCulture, $"there is no entry {id}: the entries recorded are 1 to {ManualEntries.Max(e => e.Id)}."));
        }

        if (entry.RevokedAt is { } revokedAt)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"entry {id} ({entry.Kind} {entry.ObligationKey ?? entry.Unit}) was already revoked by {entry.RevokedBy} at {revokedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: {entry.RevokeReason}"));
        }

        (entry.RevokedAt, entry.RevokedBy, entry.RevokeReason) = (_time.GetUtcNow(), author, reason);
        InTransaction(() =>
        {
            ManualEntries.Update(entry);
            Audit(author, "manual-entry-revoked", entry.ObligationKey ?? entry.Unit, string.Create(CultureInfo.InvariantCulture, $"entry {id} ({entry.Kind} {entry.Points}): {reason}"));
        });
        EntriesWritten();
        return entry;
    });

    public IReadOnlyList<StoredManualEntry> AllManualEntries() => Read("read", () => (IReadOnlyList<StoredManualEntry>)[.. ManualEntries.FindAll()]);

    /// <summary>
    /// Applies what sources say of events, in order, in one transaction (an invitation's occurrences, an events file,
    /// a calendar page); each change is kept in the event's history and audited. Returns what each did.
    /// </summary>
    public IReadOnlyList<EventChangeKind> ApplyEvents(IReadOnlyList<EventDeclaration> declarations, IReadOnlyList<EventCancellation> cancellations) => Write("written", () =>
    {
        var now = _time.GetUtcNow();
        var changes = new List<EventChangeKind>(declarations.Count + cancellations.Count);
        InTransaction(() =>
        {
            foreach (var d in declarations)
            {
                var stored = EventsCollection.FindById(d.Event.Id);
                var sequence = stored?.Sequence;
                var change = EventVersions.Declare(stored, d, now, out var result);
                Keep(result, change, stored is null, d.Author, d.SourceRef);
                if (change == EventChangeKind.Unchanged && stored is not null && stored.Sequence != sequence)
                {
                    // A newer version that changes nothing still raises the version an older one must beat.
                    EventsCollection.Update(stored);
                }

                changes.Add(change);
            }

            foreach (var c in cancellations)
            {
                var stored = EventsCollection.FindById(c.EventId);
                var change = EventVersions.Cancel(stored, c, now);
                if (stored is not null)
                {
                    Keep(stored, change, isNew: false, c.Author, c.SourceRef);
                }

                changes.Add(change);
            }
        });
        if (changes.Any(c => c != EventChangeKind.Unchanged))
        {
            Interlocked.Increment(ref _eventsVersion);
        }

        return (IReadOnlyList<EventChangeKind>)changes;
    });

    public IReadOnlyList<StoredEvent> Events() => Read("read", () => (IReadOnlyList<StoredEvent>)[.. EventsCollection.FindAll().OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal)]);

    public StoredEvent? Event(string id) => Read("read", () => EventsCollection.FindById(id));

    /// <summary>Every event whose id is <paramref name="id"/> or starts with it and <c>@</c>: an item and all its occurrences.</summary>
    public IReadOnlyList<StoredEvent> EventsOfItem(string id) => Read("read", () =>
    {
        // A UID may itself hold '@' (uuid@host): an occurrence is the id, '@' and a recurrence date (EventIds), nothing else.
        var occurrences = id + "@";
        return (IReadOnlyList<StoredEvent>)[.. EventsCollection.Find(e => e.Id == id || e.Id.StartsWith(occurrences))
            .Where(e => e.Id == id || Compliance.Events.EventIds.IsRecurrence(e.Id.AsSpan(occurrences.Length)))];
    });

    public IReadOnlyList<AuditRecord> Audit() => Read("read", () => (IReadOnlyList<AuditRecord>)[.. AuditTrail.FindAll().OrderBy(a => a.Id)]);

    /// <summary>Copies a consistent snapshot of the store to <paramref name="target"/> while it keeps running.</summary>
    public void Backup(string target) => Write("backed up", () =>
    {
        _db.Checkpoint();
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(target));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // The store's own file handle is open; read the checkpointed file through a shared handle. Copied beside
        // the target and renamed, so a failed copy never leaves a partial file under the target's name.
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var source = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        Audit("mailops", "backup", target, null);
        return true;
    });

    public void Dispose()
    {
        lock (_gate)
        {
            if (_faulted)
            {
                AbandonedDatabase.Release(_db);
            }
            else
            {
                try
                {
                    _db.Dispose();
                }
                catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
                {
                    // Closing checkpoints; on a full disk that fails, and the log file keeps what was committed.
                }
            }

            _exclusive.Dispose();
        }
    }

    private void Keep(StoredEvent stored, EventChangeKind change, bool isNew, string author, string sourceRef)
    {
        if (change == EventChangeKind.Unchanged)
        {
            return;
        }

        if (isNew)
        {
            EventsCollection.Insert(stored);
        }
        else
        {
            EventsCollection.Update(stored);
        }

        Audit(author, "event-" + EventNames.Of(change), stored.Id, string.Create(CultureInfo.InvariantCulture, $"{stored.Kind} {stored.Unit} {stored.Start:O} – {stored.End:O} ({EventNames.Of(stored.Source)} {sourceRef})"));
    }

    private void Update(string key, Action<StoredNotification> change, string action, string detail) => Write("written", () =>
    {
        var notification = Notifications.FindById(key) ?? throw new StoreException($"No notification \"{key}\" is queued.");
        change(notification);
        InTransaction(() =>
        {
            Notifications.Update(notification);
            Audit("mailops", action, key, detail);
        });
        return true;
    });

    private T Read<T>(string doing, Func<T> read) => Use(doing, read);

    private T Write<T>(string doing, Func<T> write) => Use(doing, write);

    // Every use of the file goes through here: one at a time, reopened first after a fault, and any failure of the file
    // itself becomes a StoreFaultException naming the store (a StoreException the store throws on purpose passes as it is).
    private T Use<T>(string doing, Func<T> work)
    {
        lock (_gate)
        {
            if (_faulted)
            {
                Reopen();
            }

            try
            {
                return work();
            }
            catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                _faulted = true;
                ForgetJournal();
                throw new StoreFaultException($"{Path}: the store could not be {doing}: {ex.Message}", ex);
            }
        }
    }

    private void Reopen()
    {
        AbandonedDatabase.Release(_db);

        try
        {
            _db = Connect(Path);
            _faulted = false;
            ForgetJournal();
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreFaultException($"{Path}: the store could not be reopened after a fault: {ex.Message}", ex);
        }
    }

    private static LiteDatabase Connect(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, Mapper());

    private void InTransaction(Action writes)
    {
        _db.BeginTrans();
        try
        {
            writes();
            _db.Commit();
        }
        catch
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception ex) when (ex is LiteException or IOException)
            {
                // The write failed because the file did; the rollback may fail the same way. The fault is reported as the first failure.
            }

            throw;
        }
    }

    private void Audit(string actor, string action, string target, string? detail) =>
        AuditTrail.Insert(new AuditRecord { At = _time.GetUtcNow(), Actor = actor, Action = action, Target = target, Detail = detail });

    private static BsonMapper Mapper()
    {
        var mapper = new BsonMapper();
        mapper.RegisterType(value => new BsonValue(value.ToString("O", CultureInfo.InvariantCulture)), bson => DateTimeOffset.Parse(bson.AsString, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        // Reasons and finding kinds are stored under the names the JSON output uses, and read back only as a
        // member of their enum: a name this MailOps does not know is a store fault, never silently dropped.
        mapper.RegisterType(
            reason => new BsonValue(NonMatchReasons.Name(reason)),
            bson => NonMatchReasons.TryParse(bson.AsString, out var reason) ? reason : throw new StoreException($"The store holds a non-match reason \"{bson.AsString}\" that this MailOps does not know; use the MailOps that wrote it."));
        mapper.RegisterType(
            kind => new BsonValue(FindingKinds.Name(kind)),
            bson => FindingKinds.TryParse(bson.AsString, out var kind) ? kind : throw new StoreException($"The store holds a finding kind \"{bson.AsString}\" that this MailOps does not know; use the MailOps that wrote it."));
        mapper.Entity<StoredMessage>().Id(m => m.Id, autoId: false);
        mapper.Entity<StoredOutcome>().Id(o => o.Id, autoId: false);
        mapper.Entity<StoredCursor>().Id(c => c.Id, autoId: false);
        mapper.Entity<StoredNotification>().Id(n => n.Id, autoId: false);
        mapper.Entity<PendingFetch>().Id(p => p.Id, autoId: false);
        mapper.Entity<StoredEvent>().Id(e => e.Id, autoId: false).Ignore(e => e.IsCancelled);
        mapper.RegisterType(
            source => new BsonValue(EventNames.Of(source)),
            bson => EventNames.TryParse(bson.AsString, out EventSource source) ? source : throw new StoreException($"The store holds an event source \"{bson.AsString}\" that this MailOps does not know; use the MailOps that wrote it."));
        mapper.RegisterType(
            change => new BsonValue(EventNames.Of(change)),
            bson => EventNames.TryParse(bson.AsString, out EventChangeKind change) ? change : throw new StoreException($"The store holds an event change \"{bson.AsString}\" that this MailOps does not know; use the MailOps that wrote it."));
        return mapper;
    }
}

/// <summary>The store cannot be used as it is; the message names the file and what is wrong.</summary>
public class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreException()
    {
    }
}

/// <summary>
/// The store's file failed (a full disk, an I/O error): nothing of the write that failed was kept, and the store is
/// reopened before its next use. Not the mailbox's fault, and not the message's.
/// </summary>
public sealed class StoreFaultException : StoreException
{
    public StoreFaultException(string message)
        : base(message)
    {
    }

    public StoreFaultException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreFaultException()
    {
    }
}

/// <summary>What the store knows of a page of messages (<see cref="MailStore.Known"/>): stored ids, ids waiting for a fetch, and stored keys.</summary>
internal sealed record KnownMessages(IReadOnlySet<string> StoredIds, IReadOnlySet<string> PendingIds, IReadOnlySet<string> SecondKeys, IReadOnlySet<string> SenderKeys)
{
    public bool Has(string id) => StoredIds.Contains(StoreKeys.Of(id)) || PendingIds.Contains(StoreKeys.Of(id));

    public bool HasSame(StoredMessage message) =>
        SecondKeys.Contains(message.SecondKey) || message.SenderMessageKey is { } key && SenderKeys.Contains(key);
}

/// <summary>A mail to queue: its idempotency key, kind and MIME, and the last instant it may be sent (null: whenever).</summary>
internal sealed record QueuedMail(string Key, string Kind, byte[] Mime, DateTimeOffset? NotAfter = null);

/// <summary>What the store keeps of a message whose MIME could not be fetched.</summary>
internal sealed record MailboxMessageInfo(string MailboxId, string? InternetMessageId, string? From, string? Subject, DateTimeOffset Received);
