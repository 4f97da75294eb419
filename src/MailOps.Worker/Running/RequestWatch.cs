namespace MailOps.Worker.Running;

/// <summary>
/// Wakes the sleeping worker when a command beside it writes a request (<see cref="WorkerRequests"/>), so that
/// <c>mailops adjudicate</c> or <c>backup</c> is answered within moments, not at the next beat, which may be an hour
/// away. A request that lands while a beat runs is served by that beat or wakes the next sleep at once.
/// </summary>
internal sealed class RequestWatch : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = New();

    public RequestWatch(string folder)
    {
        Directory.CreateDirectory(folder);
        _watcher = new FileSystemWatcher(folder, "*.json") { NotifyFilter = NotifyFilters.FileName };
        _watcher.Created += (_, _) => Signal();
        _watcher.Renamed += (_, _) => Signal();
        _watcher.EnableRaisingEvents = true;

        // One written before the watch began is as good as one written after.
        if (Directory.EnumerateFiles(folder, "*.json").Any())
        {
            Signal();
        }
    }

    /// <summary>Completes when a request has arrived since the last <see cref="Reset"/>.</summary>
    public Task Arrived
    {
        get
        {
            lock (_gate)
            {
                return _arrived.Task;
            }
        }
    }

    /// <summary>Called as a beat starts: the requests there now are that beat's.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            if (_arrived.Task.IsCompleted)
            {
                _arrived = New();
            }
        }
    }

    public void Dispose() => _watcher.Dispose();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        lock (_gate)
        {
            _arrived.TrySetResult();
        }
    }
}
