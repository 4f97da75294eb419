using System.CommandLine;
using System.Globalization;
using MailOps.Parsing;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops backfill --since D</c>: reads the mailbox again from a date (Graph: a fresh delta bounded by
/// <c>receivedDateTime ge D</c>; the folder: every file), with a progress display. What the store already holds
/// is recognized by id, or by Message-ID, sender and received instant, and never counted twice. Interrupted, the
/// next backfill or worker run carries on from the last stored page. Sends nothing; run it with the worker stopped.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var since = DateArguments.Required("--since", "Read mail received from this date");
        var command = new Command("backfill", "Read the mailbox again from a date into the store, with progress; nothing is counted twice, nothing is sent.") { since };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var from = regime.Zone.StartOf(parse.GetValue(since));
            // The Graph mailbox reads its start date when it is built: set it before asking for the mailbox.
            services.GetRequiredService<IOptions<GraphMailboxOptions>>().Value.StartDate = from;
            var mailbox = services.GetRequiredService<IMailbox>();

            using var store = StoreAccess.TryOpen(services, env);
            if (store is null)
            {
                return ExitCodes.Unavailable;
            }

            store.ClearCursor(Ingestor.CursorKeyOf(mailbox));
            var reading = services.GetRequiredService<Events.LiveEvents>().ReadingFor(store);
            var ingestor = new Ingestor(mailbox, store, reading.Parser, logger: services.GetRequiredService<ILogger<Ingestor>>(), invitations: reading.Invitations, rebind: reading.Rebind, actions: Hosting.WorkerRegistration.ActionsFor(services, store));
            var console = CommandContext.Console(env);
            IngestCounts? counts = null;
            try
            {
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Reading {Markup.Escape(mailbox.Identity.Address)} from {parse.GetValue(since):yyyy-MM-dd}").IsIndeterminate();
                        var progress = new Progress<IngestCounts>(c => task.Description = string.Create(
                            CultureInfo.InvariantCulture,
                            $"{Markup.Escape(mailbox.Identity.Address)}: {c.Parsed + c.Skipped} new message(s), {c.Submissions} submission(s)"));
                        counts = await ingestor.IngestAsync(cancellation, progress).ConfigureAwait(false);
                        task.StopTask();
                    }).ConfigureAwait(false);
            }
            catch (MailboxAccessException ex)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }
            catch (Exception ex) when (ex is MailboxUnavailableException or IOException or UnauthorizedAccessException)
            {
                await env.Error.WriteLineAsync($"mailops: backfill stopped reading {mailbox.Identity.Address}: {ex.Message}; what was stored stays, and the next run carries on.").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }

            await env.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Backfilled {mailbox.Identity.Address} from {parse.GetValue(since):yyyy-MM-dd}: {counts!.Parsed + counts.Skipped} new message(s) stored, {counts.Parsed} parsed ({counts.Submissions} submission(s)), {counts.Skipped} not fetched; {store.MessageCount} in the store.")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
