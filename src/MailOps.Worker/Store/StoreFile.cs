using System.Globalization;
using System.Text;

namespace MailOps.Worker.Store;

/// <summary>
/// What an existing store file must look like before LiteDB is let at it: LiteDB takes an empty file for a new
/// database and writes over it, so a store truncated to nothing (a full disk, a bad copy) would silently start
/// afresh and every notification already sent would be sent again. An existing file must be whole pages with
/// LiteDB's header; otherwise it is refused, naming the file and the way back.
/// </summary>
internal static class StoreFile
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const byte FileVersion = 8;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <exception cref="StoreException">The file exists but is not a whole LiteDB file.</exception>
    public static void EnsureValid(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return;
        }

        if (file.Length == 0)
        {
            throw new StoreException($"{path}: the store file exists but is empty (0 bytes), so it is not a MailOps store; it was not opened, to keep a fresh store from sending every notification again.{WayBack(path)}");
        }

        if (file.Length % PageSize != 0)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"{path}: the store file is truncated ({file.Length} bytes, not a whole number of {PageSize}-byte pages); it was not opened.{WayBack(path)}"));
        }

        var header = new byte[FileVersionOffset + 1];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (!header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo) || header[FileVersionOffset] != FileVersion)
        {
            throw new StoreException($"{path}: the file is not a MailOps store (no LiteDB header); it was not opened.{WayBack(path)}");
        }
    }

    /// <summary>The sentence that tells an administrator how to get back: the newest backup beside the store, if any.</summary>
    public static string WayBack(string path)
    {
        var newest = StoreBackups.Newest(path);
        var restore = newest is null
            ? $" No backup was found in {StoreBackups.FolderFor(path)}; restore one taken with `mailops backup`"
            : $" The newest backup is {newest}: stop MailOps, move the damaged file aside and copy the backup to {path}";
        return $"{restore}, or move the file aside to start an empty store (every notice and digest due would then be sent again). See README, \"Restoring a backup\".";
    }
}
