using LiteDB;

namespace MailOps.Worker.Store;

/// <summary>
/// A store for one command's throw-away use (<c>evaluate</c>, <c>digest --inbox</c>, <c>preview --inbox</c>): nothing in
/// it must outlive the process, so it pays for no durability. LiteDB's <c>:temp:</c> engine keeps its data and its log
/// in memory up to LiteDB's limit (10 MB) and then in a temporary file it deletes when disposed, and never flushes them
/// to disk (LiteDB forces a write to disk only for a <see cref="FileStream"/>), where a store file pays an fsync at
/// every commit and checkpoint. The real store (<see cref="Open"/>) is unchanged.
/// </summary>
internal sealed partial class MailStore
{
    /// <param name="folder">Holds the lock file a store keeps beside it; the caller deletes the folder.</param>
    /// <exception cref="StoreException">The engine cannot be started.</exception>
    public static MailStore OpenTemporary(string folder, TimeProvider time)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, "mailops.db");
        var exclusive = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        LiteDatabase db;
        try
        {
            db = new LiteDatabase(new ConnectionString { Filename = ":temp:" }, Mapper());
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            exclusive.Dispose();
            throw new StoreException($"{path}: the temporary store cannot be started: {ex.Message}", ex);
        }

        // A fault in a temporary store ends the command (the offline commands dispose it and fail), so the reopening
        // from the file that a real store does after a fault never happens to one.
        return Migrated(db, time, path, exclusive);
    }
}
