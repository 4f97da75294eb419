using System.CommandLine;
using MailOps.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailOps.Worker.Cli;

/// <summary><c>mailops run</c>, the default: the long-running worker, until Ctrl+C or a service stop.</summary>
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
        using var host = MailOpsHost.Build(args, env.Settings, env.Time, watch: true);
        var outcome = host.Services.GetRequiredService<RunOutcome>();
        try
        {
            await host.RunAsync(cancellation).ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await env.Error.WriteLineAsync($"mailops: {failure}").ConfigureAwait(false);
            }

            return ExitCodes.Configuration;
        }

        return outcome.ExitCode;
    }
}
