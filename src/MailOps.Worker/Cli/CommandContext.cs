using MailOps.Compliance.Common;
using MailOps.Worker.Hosting;
using MailOps.Worker.Regime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary>
/// Runs a command inside the host's configuration: checks every setting (a key MailOps does not have, a value that
/// does not convert), validates the options and loads the regime, or prints what is wrong with them, one line each,
/// and exits with <see cref="ExitCodes.Configuration"/>. One-shot commands leave the sections they may not need
/// (the mailbox's, the store's) to be validated on first use; the worker validates every section before it starts.
/// </summary>
internal static class CommandContext
{
    public static int WithRegime(CliEnvironment env, string[] args, Func<Compliance.Regime, IServiceProvider, int> body) =>
        WithRegimeAsync(env, args, (regime, services) => Task.FromResult(body(regime, services))).GetAwaiter().GetResult();

    public static async Task<int> WithRegimeAsync(CliEnvironment env, string[] args, Func<Compliance.Regime, IServiceProvider, Task<int>> body)
    {
        using var host = MailOpsHost.Build(args, env.Settings, env.Time, env.ConfigFolder, watch: false);
        return await InHostAsync(env, host, everySection: false, body).ConfigureAwait(false);
    }

    /// <param name="everySection">Validate every section registered to be validated at start, as the host's start would, but before it.</param>
    public static async Task<int> InHostAsync(CliEnvironment env, IHost host, bool everySection, Func<Compliance.Regime, IServiceProvider, Task<int>> body)
    {
        var problems = host.Services.GetRequiredService<SettingsCheck>().Problems(host.Services.GetRequiredService<IConfiguration>());
        if (problems.Count > 0)
        {
            WriteFailures(env.Error, problems);
            return ExitCodes.Configuration;
        }

        try
        {
            _ = host.Services.GetRequiredService<IOptions<RegimeOptions>>().Value;
            if (everySection)
            {
                host.Services.GetService<IStartupValidator>()?.Validate();
            }

            var regime = host.Services.GetRequiredService<RegimeFiles>().Regime;
            if (!regime.Succeeded)
            {
                WriteErrors(env.Error, regime.Errors);
                return ExitCodes.Configuration;
            }

            // Options a command asks for on its way (the mailbox's, the store's) are validated when first asked for.
            return await body(regime.Value!, host.Services).ConfigureAwait(false);
        }
        catch (Exception ex) when (ConfigurationFailures(ex) is { } failures)
        {
            WriteFailures(env.Error, failures);
            return ExitCodes.Configuration;
        }
    }

    /// <summary>
    /// What a configuration exception says, one sentence a failure, or null when <paramref name="ex"/> is (or holds)
    /// anything else. The host's start-up validation throws every failing section at once in an
    /// <see cref="AggregateException"/>, and a validator that reads another section (the Graph mailbox's reads the
    /// mailbox kind) repeats that section's failure, so each sentence is written once.
    /// </summary>
    public static IReadOnlyList<string>? ConfigurationFailures(Exception ex)
    {
        IEnumerable<string>? Of(Exception e) => e switch
        {
            OptionsValidationException options => options.Failures,
            AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(Of).ToList() is var all && all.All(f => f is not null) ? all.SelectMany(f => f!) : null,

            // A mailbox that refuses MailOps as configured (a certificate that no longer loads): a setting to correct.
            Mailboxes.MailboxAccessException access => [access.Message],

            // A value the binder cannot convert; SettingsCheck names those first, so this is only a backstop.
            InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } => [e.Message],
            _ => null,
        };

        return Of(ex)?.Distinct(StringComparer.Ordinal).ToList();
    }

    public static void WriteFailures(TextWriter error, IEnumerable<string> failures)
    {
        foreach (var failure in failures)
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
