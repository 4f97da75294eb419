using System.CommandLine;
using System.Globalization;
using MailOps.Worker.Running;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops backup --out FILE</c>: a consistent snapshot of the store. With no worker running it copies the store
/// itself; beside a running worker (which holds the store) it asks the worker through its request folder (see
/// <see cref="WorkerRequests"/>), which takes the snapshot at its next beat, and waits for it.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var output = new Option<string>("--out") { Description = "Where to write the snapshot (a new file).", Required = true };
        var wait = new Option<TimeSpan>("--wait") { Description = "How long to wait for a running worker's snapshot; default 00:02:00.", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) };
        var command = new Command("backup", "Write a consistent snapshot of the store, also while the worker runs.") { output, wait };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (_, services) =>
        {
            var path = StoreAccess.PathOf(services);
            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(target))
            {
                await env.Error.WriteLineAsync($"mailops: --out: {target} exists; a backup never overwrites a file.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var status = StatusFile.Read(path);
            if (status is null || !StoreAccess.IsAlive(status.ProcessId, startedAt: status.ProcessStartedAt))
            {
                using var store = StoreAccess.TryOpen(services, env);
                if (store is null)
                {
                    return ExitCodes.Unavailable;
                }

                try
                {
                    store.Backup(target);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await env.Error.WriteLineAsync($"mailops: --out: the snapshot could not be written to {target}: {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.Unavailable;
                }

                await env.Out.WriteLineAsync($"Wrote a snapshot of {path} to {target}.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            string id;
            try
            {
                id = WorkerRequests.Write(path, new WorkerRequest(WorkerRequests.Backup, null, null, "mailops backup", "a snapshot", target));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await env.Error.WriteLineAsync($"mailops: the request for the running worker could not be written beside {path}: {ex.Message} (run the command as the worker's user, with its settings).").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }

            await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Asked the running worker (process {status.ProcessId}) for a snapshot of {path}...")).ConfigureAwait(false);
            switch (await WorkerRequests.WaitAsync(path, id, parse.GetValue(wait), env.Time, cancellation).ConfigureAwait(false))
            {
                case (true, _):
                    break;
                case (false, var why):
                    await env.Error.WriteLineAsync($"mailops: the worker could not write the snapshot: {why}").ConfigureAwait(false);
                    return ExitCodes.Unavailable;
                default:
                    await env.Error.WriteLineAsync($"mailops: the worker did not take the snapshot within {parse.GetValue(wait)}; is it beating? ('mailops status')").ConfigureAwait(false);
                    return ExitCodes.Unavailable;
            }

            await env.Out.WriteLineAsync($"Wrote a snapshot of {path} to {target}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
