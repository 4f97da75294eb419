using System.Globalization;

namespace MailOps.Worker.Store;

/// <summary>
/// The worker's own rotating backups: one snapshot a day (the regime's local date) in <c>{store folder}/backups</c>
/// as <c>{store name}-{yyyy-MM-dd}.db</c>, the newest <see cref="StoreOptions.BackupCount"/> kept.
/// </summary>
internal static class StoreBackups
{
    public static string FolderFor(string storePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath)) ?? ".", "backups");

    public static string PathFor(string storePath, DateOnly day) =>
        Path.Combine(FolderFor(storePath), $"{Path.GetFileNameWithoutExtension(storePath)}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.db");

    /// <summary>The backups of a store, newest first.</summary>
    public static IReadOnlyList<string> All(string storePath)
    {
        var folder = FolderFor(storePath);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var prefix = Path.GetFileNameWithoutExtension(storePath) + "-";
        return
        [
            .. Directory.EnumerateFiles(folder, prefix + "????-??-??.db")
                .Where(f => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f)[prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .OrderDescending(StringComparer.Ordinal),
        ];
    }

    public static string? Newest(string storePath) => All(storePath) is [var newest, ..] ? newest : null;

    /// <summary>
    /// Takes today's backup unless it exists, then removes all but the newest <paramref name="keep"/>; returns the
    /// backup taken, or null when today's was already there (or <paramref name="keep"/> is 0: backups off).
    /// </summary>
    public static string? Rotate(MailStore store, DateOnly today, int keep)
    {
        if (keep <= 0)
        {
            return null;
        }

        var target = PathFor(store.Path, today);
        string? taken = null;
        if (!File.Exists(target))
        {
            store.Backup(target);
            taken = target;
        }

        foreach (var old in All(store.Path).Skip(keep))
        {
            File.Delete(old);
        }

        return taken;
    }
}
