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
}
