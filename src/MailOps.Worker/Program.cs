using MailOps.Worker.Cli;

return await MailOpsCommandLine.InvokeAsync(args, CliEnvironment.Console).ConfigureAwait(false);
