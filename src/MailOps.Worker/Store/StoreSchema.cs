using LiteDB;

namespace MailOps.Worker.Store;

/// <summary>
/// The store's schema versions, each a forward migration from the one before, recorded in the file's
/// user version. Add a step at the end; never change a released one; make each safe to run twice.
/// </summary>
internal static class StoreSchema
{
    private static readonly (int Version, string What, Action<LiteDatabase> Apply)[] Steps =
    [
        (1, "collections and their keys", db =>
        {
            db.GetCollection<StoredMessage>("messages").EnsureIndex(m => m.SecondKey);
            db.GetCollection<StoredOutcome>("outcomes").EnsureIndex(o => o.Report);
            db.GetCollection<StoredOutcome>("outcomes").EnsureIndex(o => o.Unit);
            db.GetCollection<StoredNotification>("notifications").EnsureIndex(n => n.SentAt);
            db.GetCollection<AuditRecord>("audit").EnsureIndex(a => a.At);
        }),
        (2, "keys of any length, and the same Message-ID from the same sender as one message", db =>
        {
            // Second keys are hashed past StoreKeys.MaxBytes now; rewrite the long ones stored before, and give every
            // message its third key. Both are recomputed from the document, so running this twice changes nothing.
            var messages = db.GetCollection<StoredMessage>("messages");
            foreach (var message in messages.FindAll().ToList())
            {
                var secondKey = StoreKeys.Of(message.SecondKey);
                var senderKey = StoredMessage.SenderMessageKeyOf(message.InternetMessageId, message.From);
                if (secondKey != message.SecondKey || senderKey != message.SenderMessageKey || message.MailboxId is null)
                {
                    message.SecondKey = secondKey;
                    message.SenderMessageKey = senderKey;
                    message.MailboxId ??= message.Id;
                    messages.Update(message);
                }
            }

            messages.EnsureIndex(m => m.SenderMessageKey);
        }),
        (3, "notifications found by when they were queued", db =>
        {
            // The last digest queued is read at every beat: walked from the newest by this index, not by scanning
            // every notification ever sent with its MIME.
            db.GetCollection<StoredNotification>("notifications").EnsureIndex(n => n.QueuedAt);
        }),
        (4, "project events learnt from the events file, invitations, the calendar and people", db =>
        {
            db.GetCollection<StoredEvent>("events").EnsureIndex(e => e.Unit);
            db.GetCollection<StoredEvent>("events").EnsureIndex(e => e.Start);
        }),
        (5, "outcomes found by when their message was received", db =>
        {
            // A beat reads the outcomes of the window it judges, not of every message ever stored.
            db.GetCollection<StoredOutcome>("outcomes").EnsureIndex(o => o.Received);
        }),
    ];

    public static int Latest => Steps[^1].Version;

    public static void Migrate(LiteDatabase db, string path)
    {
        var current = db.UserVersion;
        if (current > Latest)
        {
            throw new StoreException($"{path}: the store is at schema version {current}, newer than this MailOps knows ({Latest}); use a newer MailOps or restore a backup.");
        }

        foreach (var (version, _, apply) in Steps.Where(s => s.Version > current))
        {
            // The version is a pragma, outside any transaction: a crash between the two re-runs the step,
            // so every step must be safe to run twice.
            db.BeginTrans();
            apply(db);
            db.Commit();
            db.UserVersion = version;
        }
    }
}
