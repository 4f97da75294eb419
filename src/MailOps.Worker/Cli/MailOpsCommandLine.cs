using System.CommandLine;

namespace MailOps.Worker.Cli;

/// <summary>The <c>mailops</c> command line: with no command it runs the worker.</summary>
internal static class MailOpsCommandLine
{
    /// <summary>
    /// <c>--config DIR</c>, before or after the command: read the settings a service keeps there as well, so that a
    /// command run beside it (<c>sudo -u mailops mailops --config /etc/mailops status</c>) sees what the service sees,
    /// with no secret on a command line or in the environment.
    /// </summary>
    private static Option<string> ConfigOption() => new("--config")
    {
        Description = "A settings folder: its appsettings.json and its credentials/ folder (one file per secret, named like the setting: MailOps__Mailbox__Graph__ClientSecret).",
        Recursive = true,
    };

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
            EventsCommand.Create(env, hostArgs),
            ExportCommand.Create(env, hostArgs),
            BackfillCommand.Create(env, hostArgs),
            BackupCommand.Create(env, hostArgs),
            SendCommand.Create(env, hostArgs),
            SetupCommand.Create(env, hostArgs),
        };
        root.Options.Add(ConfigOption());
        root.SetAction((_, cancellation) => RunCommand.RunAsync(env, hostArgs, cancellation));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args, CliEnvironment env, CancellationToken cancellation = default)
    {
        var parse = Create(env).Parse(args);
        if (parse.Errors.Count == 0 && parse.GetValue<string>("--config") is { } folder)
        {
            if (ConfigFolderProblem(folder) is { } problem)
            {
                env.Error.WriteLine($"mailops: --config {folder}: {problem}");
                return Task.FromResult(ExitCodes.Configuration);
            }

            // The commands read their settings through the environment they were made with: make them again with the folder.
            parse = Create(env with { ConfigFolder = Path.GetFullPath(folder) }).Parse(args);
        }

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

    private static string? ConfigFolderProblem(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "there is no such folder; name the folder that holds the service's appsettings.json.";
        }

        var settings = Path.Combine(folder, "appsettings.json");
        if (!File.Exists(settings))
        {
            return $"it holds no appsettings.json ({settings}); put the service's settings there.";
        }

        try
        {
            using var _ = File.OpenRead(settings);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"{settings} cannot be read by the user {Environment.UserName}; run the command as the service's user (sudo -u mailops …) or give that user read access.";
        }
    }
}
