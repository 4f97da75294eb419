using System.Collections;
using System.Reflection;
using LiteDB;

namespace MailOps.Worker.Store;

/// <summary>
/// Letting go of a LiteDB database whose writes failed. A transaction whose commit failed on a full disk stays open
/// inside LiteDB (5.0.20), and when the engine is collected its finalizer throws ("discarded page must be
/// writable") on the finalizer thread, which ends the process. Before the broken database is dropped, its open
/// transactions' finalizers are suppressed: they hold nothing that is not already lost, and the file keeps what was
/// committed. LiteDB offers no public way to do this; if its internals are not as expected, nothing is suppressed.
/// </summary>
internal static class AbandonedDatabase
{
    private const BindingFlags Fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static void Release(LiteDatabase db)
    {
        try
        {
            foreach (var transaction in OpenTransactions(db) ?? [])
            {
#pragma warning disable CA1816 // On purpose on another object: its finalizer would end the process (see the summary).
                GC.SuppressFinalize(transaction);
#pragma warning restore CA1816
            }
        }
        catch (Exception ex) when (ex is TargetException or FieldAccessException or InvalidOperationException)
        {
            // Nothing to suppress through a LiteDB shaped otherwise.
        }

        try
        {
            db.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A database that failed a write may fail to close; the file and its log keep what was committed.
        }
    }

    /// <summary>Whether this LiteDB's open transactions can be seen at all: a test pins it, so an upgrade that moves them is noticed.</summary>
    public static bool SeesTransactions(LiteDatabase db) => OpenTransactions(db) is not null;

    private static List<object>? OpenTransactions(LiteDatabase db)
    {
        var engine = Field(db, "_engine");
        var monitor = engine is null ? null : Field(engine, "_monitor");
        if (monitor is null || Field(monitor, "_transactions") is not IDictionary transactions)
        {
            return null;
        }

        lock (transactions.SyncRoot)
        {
            return [.. transactions.Values.OfType<object>()];
        }
    }

    private static object? Field(object owner, string name) =>
        owner.GetType().GetField(name, Fields)?.GetValue(owner);
}
