using MailOps.Worker.Running;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>The configured store, opened by a one-shot command; a store held by a running worker is named as such.</summary>
internal static class StoreAccess
{
    public static string PathOf(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<StoreOptions>>().Value.Path, services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    /// <summary>Opens the store, or writes why it cannot be opened and returns null.</summary>
    public static MailStore? TryOpen(IServiceProvider services, CliEnvironment env)
    {
        var path = PathOf(services);
        try
        {
            return MailStore.Open(path, env.Time);
        }
        catch (StoreException ex)
        {
            var held = ex.InnerException is IOException && File.Exists(path + ".lock");
            env.Error.WriteLine($"mailops: {ex.Message}");
            if (held)
            {
                env.Error.WriteLine("mailops: a running worker (mailops run) may hold the store: stop it first; 'mailops status', 'mailops adjudicate' and 'mailops backup' work beside it once it has beaten.");
            }

            return null;
        }
    }

    /// <summary>
    /// Whether the process that wrote a status file still runs. This process counts only when
    /// <paramref name="thisProcessCounts"/>: a command must not wait for itself to serve a request. With
    /// <paramref name="startedAt"/>, a process that has the id but started at another time is a later one, not the worker.
    /// </summary>
    public static bool IsAlive(int processId, bool thisProcessCounts = false, DateTimeOffset? startedAt = null)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited
                && (thisProcessCounts || processId != Environment.ProcessId)
                && (startedAt is not { } started || StatusFile.StartedAt(processId) is not { } actual || (actual - started).Duration() < TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the store: directly when no worker runs; beside a running worker (which holds it), from a snapshot the
    /// worker writes at its next beat, read and deleted here. Null, with why on standard error, when neither works.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(IServiceProvider services, CliEnvironment env, Func<MailStore, T> read, CancellationToken cancellation)
        where T : class
    {
        var path = PathOf(services);
        if (Running.StatusFile.Read(path) is not { } status || !IsAlive(status.ProcessId, startedAt: status.ProcessStartedAt))
        {
            using var store = TryOpen(services, env);
            return store is null ? null : read(store);
        }

        // Beside the store, in the folder the request goes to (the service's own, as protected as the store), never in
        // a shared temporary folder: a copy the worker writes after this command gave up holds what the store holds.
        var snapshot = Path.Combine(Running.WorkerRequests.FolderFor(path), $"read-{Guid.NewGuid():N}.db");
        try
        {
            var id = Running.WorkerRequests.Write(path, new Running.WorkerRequest(Running.WorkerRequests.Backup, null, null, "mailops", "read beside the running worker", snapshot));
            switch (await Running.WorkerRequests.WaitAsync(path, id, TimeSpan.FromMinutes(2), env.Time, cancellation).ConfigureAwait(false))
            {
                case (true, _):
                    using (var copy = MailStore.Open(snapshot, env.Time))
                    {
                        return read(copy);
                    }

                case (false, var why):
                    env.Error.WriteLine($"mailops: the running worker could not write a snapshot to read: {why}");
                    return null;
                default:
                    env.Error.WriteLine("mailops: the running worker did not answer within 2 minutes. Is it beating? ('mailops status')");
                    return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreException)
        {
            env.Error.WriteLine($"mailops: the store could not be read beside the running worker: {ex.Message}");
            return null;
        }
        finally
        {
            foreach (var file in new[] { snapshot, snapshot + ".lock", snapshot[..^3] + "-log.db" })
            {
                File.Delete(file);
            }
        }
    }
}
