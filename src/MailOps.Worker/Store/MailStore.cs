using System.Globalization;
using LiteDB;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;

namespace MailOps.Worker.Store;

/// <summary>
/// Everything MailOps remembers, in one LiteDB file: messages seen, what parsing made of them, cursors,
/// notifications (unique by idempotency key), manual entries and an audit trail. The file carries a schema
/// version and is migrated forward on open; a file written by a newer MailOps is refused rather than
/// changed. Writes are serialized; <see cref="Backup"/> copies a consistent snapshot while the store runs.
/// </summary>
internal sealed class MailStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly FileStream _exclusive;

    private MailStore(LiteDatabase db, TimeProvider time, string path, FileStream exclusive)
    {
        _db = db;
        _time = time;
        Path = path;
        _exclusive = exclusive;
    }

    public string Path { get; }

    public int SchemaVersion => _db.UserVersion;

    private ILiteCollection<StoredMessage> Messages => _db.GetCollection<StoredMessage>("messages");

    private ILiteCollection<StoredOutcome> Outcomes => _db.GetCollection<StoredOutcome>("outcomes");

    private ILiteCollection<StoredCursor> Cursors => _db.GetCollection<StoredCursor>("cursors");

    private ILiteCollection<StoredNotification> Notifications => _db.GetCollection<StoredNotification>("notifications");

    private ILiteCollection<StoredManualEntry> ManualEntries => _db.GetCollection<StoredManualEntry>("manualEntries");

    private ILiteCollection<AuditRecord> AuditTrail => _db.GetCollection<AuditRecord>("audit");

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
            db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, Mapper());
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            exclusive.Dispose();
            throw new StoreException($"{path}: the store cannot be opened: {ex.Message}", ex);
        }

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

    public bool HasSeen(string id) => Messages.Exists(m => m.Id == id);

    /// <summary>Whether a message with the same Internet Message-ID, sender and received instant is already stored under another id.</summary>
    public bool HasSeenSame(string secondKey) => Messages.Exists(m => m.SecondKey == secondKey);

    /// <summary>Stores a message and what parsing made of it together: both or neither. A repeat of a stored id changes nothing.</summary>
    public bool TryRecord(StoredMessage message, StoredOutcome? outcome)
    {
        lock (_gate)
        {
            if (HasSeen(message.Id))
            {
                return false;
            }

            message.StoredAt = _time.GetUtcNow();
            InTransaction(() =>
            {
                Messages.Insert(message);
                if (outcome is not null)
                {
                    Outcomes.Upsert(outcome);
                }

                Audit("mailops", outcome is null ? "message-skipped" : "message-parsed", message.Id, outcome is null ? null : outcome.Matched ? $"{outcome.Report}/{outcome.Unit}/{outcome.Period}" : NonMatchReasons.Name(outcome.Reason!.Value));
            });
            return true;
        }
    }

    public IReadOnlyList<StoredOutcome> AllOutcomes() => [.. Outcomes.FindAll()];

    /// <summary>The stored messages with these ids (those not stored are left out).</summary>
    public IReadOnlyDictionary<string, StoredMessage> MessagesById(IEnumerable<string> ids)
    {
        var wanted = ids.Select(id => new BsonValue(id)).ToList();
        return Messages.Find(Query.In("_id", wanted)).ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public StoredOutcome? Outcome(string id) => Outcomes.FindById(id);

    /// <summary>
    /// A person accepts a report held for an unauthenticated sender as the unit's submission, named by the
    /// mailbox's id or its Message-ID; audited under their name. Returns the accepted outcome.
    /// </summary>
    /// <exception cref="StoreException">No such report is held.</exception>
    public StoredOutcome Accept(string idOrMessageId, string author, string reason)
    {
        lock (_gate)
        {
            var wanted = idOrMessageId.Trim().Trim('<', '>');
            var outcome = Outcomes.FindById(idOrMessageId) ?? Outcomes.FindAll().FirstOrDefault(o => o.MessageId.Trim('<', '>') == wanted);
            if (outcome is null || outcome.Reason is not NonMatchReason.UnauthenticatedSender || outcome.Report is null)
            {
                throw new StoreException($"\"{idOrMessageId}\" is not a stored report held for an unauthenticated sender.");
            }

            var id = outcome.Id;
            outcome.AcceptedBy = author;
            InTransaction(() =>
            {
                Outcomes.Update(outcome);
                Audit(author, "submission-accepted", id, reason);
            });
            return outcome;
        }
    }

    public int MessageCount => Messages.Count();

    public int NotificationCount => Notifications.Count();

    public string? Cursor(string mailbox) => Cursors.FindById(mailbox)?.Cursor;

    /// <summary>Forgets where a mailbox's reading stopped: the next read starts from the beginning (or the start date).</summary>
    public void ClearCursor(string mailbox)
    {
        lock (_gate)
        {
            InTransaction(() =>
            {
                Cursors.Delete(mailbox);
                Audit("mailops", "cursor-cleared", mailbox, null);
            });
        }
    }

    public void SaveCursor(string mailbox, string cursor)
    {
        lock (_gate)
        {
            Cursors.Upsert(new StoredCursor { Id = mailbox, Cursor = cursor, SavedAt = _time.GetUtcNow() });
        }
    }

    /// <summary>Queues a notification unless one with its key exists; false when it was already queued (or sent).</summary>
    public bool TryQueue(string key, string kind, byte[] mime)
    {
        lock (_gate)
        {
            if (Notifications.Exists(n => n.Id == key))
            {
                return false;
            }

            InTransaction(() =>
            {
                Notifications.Insert(new StoredNotification { Id = key, Kind = kind, Mime = mime, QueuedAt = _time.GetUtcNow() });
                Audit("mailops", "notification-queued", key, kind);
            });
            return true;
        }
    }

    public StoredNotification? Notification(string key) => Notifications.FindById(key);

    /// <summary>When the latest notification of a kind was queued; null when none was.</summary>
    public DateTimeOffset? LastQueued(string kind) =>
        Notifications.Find(n => n.Kind == kind).Select(n => (DateTimeOffset?)n.QueuedAt).Max();

    /// <summary>Queued notifications not yet sent, oldest first.</summary>
    public IReadOnlyList<StoredNotification> Unsent() => [.. Notifications.Find(n => n.SentAt == null).OrderBy(n => n.QueuedAt)];

    public void RecordDraft(string key, string draftId) => Update(key, n => n.DraftId = draftId, "notification-drafted", draftId);

    public void RecordSent(string key, string sentId) => Update(key, n => (n.SentId, n.SentAt) = (sentId, _time.GetUtcNow()), "notification-sent", sentId);

    /// <summary>Records a person's judgement with its reason and author, and audits it under the author's name.</summary>
    public int AddManualEntry(StoredManualEntry entry)
    {
        lock (_gate)
        {
            entry.RecordedAt = _time.GetUtcNow();
            var id = 0;
            InTransaction(() =>
            {
                id = ManualEntries.Insert(entry).AsInt32;
                Audit(entry.Author, "manual-entry", entry.ObligationKey ?? entry.Unit, $"{entry.Kind} {entry.Points}: {entry.Reason}");
            });
            return id;
        }
    }

    public IReadOnlyList<StoredManualEntry> AllManualEntries() => [.. ManualEntries.FindAll()];

    public IReadOnlyList<AuditRecord> Audit() => [.. AuditTrail.FindAll().OrderBy(a => a.Id)];

    /// <summary>Copies a consistent snapshot of the store to <paramref name="target"/> while it keeps running.</summary>
    public void Backup(string target)
    {
        lock (_gate)
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
                }

                File.Move(temporary, target, overwrite: false);
            }
            finally
            {
                File.Delete(temporary);
            }

            Audit("mailops", "backup", target, null);
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _exclusive.Dispose();
    }

    private void Update(string key, Action<StoredNotification> change, string action, string detail)
    {
        lock (_gate)
        {
            var notification = Notifications.FindById(key) ?? throw new StoreException($"No notification \"{key}\" is queued.");
            change(notification);
            InTransaction(() =>
            {
                Notifications.Update(notification);
                Audit("mailops", action, key, detail);
            });
        }
    }

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
            _db.Rollback();
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
        return mapper;
    }
}

/// <summary>The store cannot be used as it is; the message names the file and what is wrong.</summary>
public sealed class StoreException : Exception
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
