using System.CommandLine;

namespace MailOps.Worker.Cli;

/// <summary>The <c>mailops</c> command line: with no command it runs the worker.</summary>
internal static class MailOpsCommandLine
{
    public static RootCommand Create(CliEnvironment env)
    {
        // The host reads its configuration from appsettings.json, the environment and user secrets; the
        // command line belongs to the commands, so the host gets none of its tokens.
        string[] hostArgs = [];
        var root = new RootCommand("MailOps: watches the reports a group's units owe headquarters by email.")
        {
            RunCommand.Create(env, hostArgs),
            CatalogCommand.Create(env, hostArgs),
            CalendarCommand.Create(env, hostArgs),
            ObligationsCommand.Create(env, hostArgs),
            ParseCommand.Create(env, hostArgs),
            IngestCommand.Create(env, hostArgs),
            EvaluateCommand.Create(env, hostArgs),
            DigestCommand.Create(env, hostArgs),
            PreviewCommand.Create(env, hostArgs),
            StatusCommand.Create(env, hostArgs),
            AdjudicateCommand.Create(env, hostArgs),
            BackfillCommand.Create(env, hostArgs),
            BackupCommand.Create(env, hostArgs),
            SendCommand.Create(env, hostArgs),
        };
        root.SetAction((_, cancellation) => RunCommand.RunAsync(env, hostArgs, cancellation));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args, CliEnvironment env, CancellationToken cancellation = default)
    {
        var parse = Create(env).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                env.Error.WriteLine($"mailops: {error.Message}");
            }

            var command = parse.CommandResult.Command is RootCommand ? "mailops" : $"mailops {parse.CommandResult.Command.Name}";
            env.Error.WriteLine($"Run '{command} --help' for usage.");
            return Task.FromResult(ExitCodes.Usage);
        }

        return parse.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error }, cancellation);
    }
}
