namespace MailOps.Worker.Running;

/// <summary>
/// How <c>mailops backup</c> asks a running worker (which holds the store) for a snapshot: it writes the target
/// path into <c>{store}.backup-request</c>; the worker takes the snapshot at its next beat and removes the request,
/// or leaves <c>{store}.backup-failed</c> saying why.
/// </summary>
internal static class BackupRequest
{
    public static string PathFor(string storePath) => storePath + ".backup-request";

    public static string FailurePathFor(string storePath) => storePath + ".backup-failed";

    public static void Write(string storePath, string target)
    {
        File.Delete(FailurePathFor(storePath));
        var temporary = $"{PathFor(storePath)}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, target);
        File.Move(temporary, PathFor(storePath), overwrite: true);
    }

    /// <summary>Serves a pending request, if any: the snapshot, or a failure file naming why not.</summary>
    public static string? Serve(Store.MailStore store)
    {
        var request = PathFor(store.Path);
        if (!File.Exists(request))
        {
            return null;
        }

        var target = File.ReadAllText(request).Trim();
        try
        {
            store.Backup(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            File.WriteAllText(FailurePathFor(store.Path), $"{target}: {ex.Message}");
        }

        File.Delete(request);
        return target;
    }
}
