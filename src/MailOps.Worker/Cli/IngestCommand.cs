using System.CommandLine;
using MailOps.Parsing;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops ingest</c>: one pass of the configured mailbox (folder or Graph) into the store, then exit. Safe to stop at any point
/// (even <c>kill -9</c>): the next pass stores what is missing and nothing twice. Each stored page is logged at
/// Debug (<c>Logging:LogLevel:MailOps.Worker.Cli.IngestCommand</c>), so a pass's progress can be followed.
/// </summary>
internal static partial class IngestCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var command = new Command("ingest", "Read the mailbox into the store once: each message stored once, report mail parsed.");
        command.SetAction((_, cancellation) => CommandContext.WithRegimeAsync(env, args, async (_, services) =>
        {
            IMailbox mailbox;
            StoreOptions store;
            try
            {
                store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
                mailbox = services.GetRequiredService<IMailbox>();
            }
            catch (MailboxAccessException ex)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }

            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = Path.GetFullPath(store.Path, root);
            try
            {
                using var mailStore = MailStore.Open(path, env.Time);
                var reading = services.GetRequiredService<Events.LiveEvents>().ReadingFor(mailStore);
                var pages = new PageLog(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestCommand).FullName!));
                var counts = await new Ingestor(mailbox, mailStore, reading.Parser, logger: services.GetRequiredService<ILogger<Ingestor>>(), invitations: reading.Invitations, rebind: reading.Rebind, actions: Hosting.WorkerRegistration.ActionsFor(services, mailStore)).IngestAsync(cancellation, pages).ConfigureAwait(false);
                await env.Out.WriteLineAsync(
                    $"Stored {counts.Stored} new message(s) in {path}: {counts.Parsed} parsed ({counts.Submissions} submission(s)), {counts.Skipped} not fetched, {counts.Duplicates} duplicate(s), {counts.Held} held for a person, {counts.Actions} action(s) by mail; {counts.FetchFailures} fetch(es) failed and will be tried again.").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (StoreFaultException ex)
            {
                // A full disk, an I/O error: nothing stored before is lost, and a later pass goes on from the saved cursor.
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }
            catch (Exception ex) when (ex is StoreException or MailboxAccessException)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing is lost: what was stored stays, and the next pass starts from the saved cursor.
                await env.Error.WriteLineAsync($"mailops: ingest stopped reading {mailbox.Identity.Kind} mailbox {mailbox.Identity.Address}{Where(mailbox, services, root)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }
        }));
        return command;
    }

    [LoggerMessage(41, LogLevel.Debug, "Stored a page: {Stored} new message(s) so far, {Submissions} submission(s)")]
    private static partial void LogPage(ILogger logger, int stored, int submissions);

    // Logs as the ingestor reports, on its thread: a Progress<T> would log later, from the thread pool, after the counts had moved on.
    private sealed class PageLog(ILogger logger) : IProgress<IngestCounts>
    {
        public void Report(IngestCounts value) => LogPage(logger, value.Stored, value.Submissions);
    }

    private static string Where(IMailbox mailbox, IServiceProvider services, string root) =>
        mailbox is FolderMailbox ? $" ({Path.GetFullPath(services.GetRequiredService<IOptions<FolderMailboxOptions>>().Value.Inbox, root)})" : "";
}
