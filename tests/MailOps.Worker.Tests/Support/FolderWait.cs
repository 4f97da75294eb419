namespace MailOps.Worker.Tests.Support;

/// <summary>
/// Waits for a condition on a folder's files, woken by each change the file system reports in it rather than by
/// polling after a fixed delay; the backstop only fails a test whose condition never comes.
/// </summary>
internal static class FolderWait
{
    public static async Task UntilAsync(string folder, Func<bool> condition, TimeSpan backstop, Func<string> explain)
    {
        Directory.CreateDirectory(folder);
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, EnableRaisingEvents = true };
        watcher.Created += (_, _) => changed.Release();
        watcher.Changed += (_, _) => changed.Release();
        watcher.Deleted += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        using var expiry = new CancellationTokenSource(backstop);

        // Checked after the watcher is armed, so a change between the two is seen either way.
        while (!condition())
        {
            try
            {
                await changed.WaitAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{folder}: the condition did not come within {backstop}: {explain()}");
            }
        }
    }
}
