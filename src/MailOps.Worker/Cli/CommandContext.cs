using MailOps.Compliance.Common;
using MailOps.Worker.Hosting;
using MailOps.Worker.Regime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary>
/// Runs a one-shot command inside the host's configuration: validates the options and loads the regime, or
/// prints what is wrong with them and exits with <see cref="ExitCodes.Configuration"/>.
/// </summary>
internal static class CommandContext
{
    public static int WithRegime(CliEnvironment env, string[] args, Func<Compliance.Regime, IServiceProvider, int> body) =>
        WithRegimeAsync(env, args, (regime, services) => Task.FromResult(body(regime, services))).GetAwaiter().GetResult();

    public static async Task<int> WithRegimeAsync(CliEnvironment env, string[] args, Func<Compliance.Regime, IServiceProvider, Task<int>> body)
    {
        using var host = MailOpsHost.Build(args, env.Settings, env.Time, watch: false);
        try
        {
            _ = host.Services.GetRequiredService<IOptions<RegimeOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            WriteFailures(env.Error, ex);
            return ExitCodes.Configuration;
        }

        var regime = host.Services.GetRequiredService<RegimeFiles>().Regime;
        if (!regime.Succeeded)
        {
            WriteErrors(env.Error, regime.Errors);
            return ExitCodes.Configuration;
        }

        try
        {
            return await body(regime.Value!, host.Services).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            // Options a command asks for on its way (the mailbox's, the store's) are validated when first asked for.
            WriteFailures(env.Error, ex);
            return ExitCodes.Configuration;
        }
    }

    public static void WriteFailures(TextWriter error, OptionsValidationException ex)
    {
        foreach (var failure in ex.Failures)
        {
            error.WriteLine($"mailops: {failure}");
        }
    }

    public static void WriteErrors(TextWriter error, IReadOnlyList<ConfigurationError> errors)
    {
        error.WriteLine($"mailops: the regime could not be loaded ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):");
        foreach (var e in errors)
        {
            error.WriteLine($"  {e}");
        }
    }

    /// <summary>A console for human-readable tables, writing to the command's output.</summary>
    public static IAnsiConsole Console(CliEnvironment env)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(env.Out),
            Ansi = ReferenceEquals(env, CliEnvironment.Console) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(env, CliEnvironment.Console) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Redirected output has no terminal width; do not wrap a table at 80 columns for a file or a pipe.
        if (!ReferenceEquals(env, CliEnvironment.Console) || System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
