using System.CommandLine;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops send</c>: one drain of the store's queued notifications through the configured mailbox, then exit.
/// Safe to stop at any point (even <c>kill -9</c>): each draft id is stored before its send, so the next drain
/// sends what is missing and nothing twice. Run by a person, it sends at once, inside the working hours or not.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var command = new Command("send", "Send the queued notifications once through the mailbox: each exactly once, paced.");
        command.SetAction((_, cancellation) => CommandContext.WithRegimeAsync(env, args, async (_, services) =>
        {
            IMailbox mailbox;
            SendingOptions sending;
            StoreOptions store;
            try
            {
                sending = services.GetRequiredService<IOptions<SendingOptions>>().Value;
                store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
                mailbox = services.GetRequiredService<IMailbox>();
            }
            catch (MailboxAccessException ex)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }

            var path = Path.GetFullPath(store.Path, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
            try
            {
                using var mailStore = MailStore.Open(path, env.Time);
                using var dispatcher = new NotificationDispatcher(mailbox, mailStore, sending, env.Time, services.GetRequiredService<ILogger<NotificationDispatcher>>());
                var counts = await dispatcher.DrainAsync(cancellation).ConfigureAwait(false);
                await env.Out.WriteLineAsync(
                    $"Sent {counts.Sent} notification(s) from {mailbox.Identity.Address}; {counts.Recovered} found sent by an earlier run; {counts.Expired} dropped because their time had passed (a nudge after its deadline, a past day's digest); {counts.Failed} left queued.").ConfigureAwait(false);
                return counts.Failed == 0 ? ExitCodes.Success : ExitCodes.Unavailable;
            }
            catch (StoreException ex)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }
        }));
        return command;
    }
}
