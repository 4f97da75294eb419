using System.CommandLine;
using MailOps.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops run</c>, the default: the long-running worker, until Ctrl+C or a service stop. Every setting is checked
/// and every section validated before the host starts, so a bad one is a line naming it and exit 78 (which systemd
/// does not restart), as on every other command, not the host's start-up failure and a stack trace.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var command = new Command("run", "Run the worker (the default when no command is given).");
        command.SetAction((_, cancellation) => RunAsync(env, args, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(CliEnvironment env, string[] args, CancellationToken cancellation)
    {
        using var host = MailOpsHost.Build(args, env.Settings, env.Time, env.ConfigFolder, watch: true);
        return await CommandContext.InHostAsync(env, host, everySection: true, async (_, services) =>
        {
            // Taken before the run: RunAsync disposes the host and its services when it returns.
            var outcome = services.GetRequiredService<RunOutcome>();
            var workers = services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
            await host.RunAsync(cancellation).ConfigureAwait(false);
            return ExitCode(env, outcome, workers);
        }).ConfigureAwait(false);
    }

    // The host stops when a hosted service fails and returns as if it had been told to: a worker that died must not
    // exit 0, or a service manager takes it for a clean stop and never restarts it.
    private static int ExitCode(CliEnvironment env, RunOutcome outcome, List<BackgroundService> workers)
    {
        if (outcome.ExitCode != ExitCodes.Success)
        {
            return outcome.ExitCode;
        }

        var failed = workers
            .Select(s => s.ExecuteTask?.Exception?.GetBaseException())
            .OfType<Exception>()
            .ToList();
        if (failed.Count == 0)
        {
            return ExitCodes.Success;
        }

        if (failed.Select(CommandContext.ConfigurationFailures).ToList() is var failures && failures.All(f => f is not null))
        {
            CommandContext.WriteFailures(env.Error, failures.SelectMany(f => f!).Distinct(StringComparer.Ordinal));
            return ExitCodes.Configuration;
        }

        return ExitCodes.Software;
    }
}
