using System.CommandLine;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops digest --as-of T --out FILE.html [--inbox DIR]</c>: the HQ digest as it would read at T, written as an
/// HTML file to look at (or render), from the store or from a folder of <c>.eml</c>. Sends nothing.
/// </summary>
internal static class DigestCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var asOf = InstantArgument.Option("--as-of", "The digest as at this instant", required: true);
        var output = new Option<string>("--out") { Description = "Where to write the digest's HTML.", Required = true };
        var inbox = new Option<string?>("--inbox") { Description = "Judge this folder of .eml files instead of the store." };
        var command = new Command("digest", "Preview the HQ digest at an instant as an HTML file. Sends nothing.") { asOf, output, inbox };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var at = parse.GetValue(asOf)!.Resolve(regime.Zone);
            using var source = await JudgedMail.OpenAsync(env, services, parse.GetValue(inbox), cancellation).ConfigureAwait(false);
            if (source is null)
            {
                return ExitCodes.Unavailable;
            }

            try
            {
                // The notifier and assessor the worker uses, so the preview reads as the mail would.
                var notifier = source.Bound.Notifier;
                var snapshot = source.Bound.Assessor.Judge(source.Store, at);
                var mail = notifier.RenderDigest(notifier.PreviewDigest(snapshot));
                var path = Path.GetFullPath(parse.GetValue(output)!);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, mail.Html, cancellation).ConfigureAwait(false);
                await env.Out.WriteLineAsync($"{mail.Subject}{Environment.NewLine}Wrote {path}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (TemplateException ex)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await env.Error.WriteLineAsync($"mailops: --out: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }
        }));
        return command;
    }
}
