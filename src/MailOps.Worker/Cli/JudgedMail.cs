using MailOps.Parsing;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;

namespace MailOps.Worker.Cli;

/// <summary>
/// What the preview commands (digest, preview) judge: a folder of <c>.eml</c> read into a throw-away store when
/// <c>--inbox</c> names one, else the configured store. Disposing it closes (or removes) whichever it is.
/// </summary>
internal sealed class JudgedMail : IDisposable
{
    private readonly OfflineInbox? _offline;

    private JudgedMail(MailStore store, OfflineInbox? offline, Events.RegimeBound bound)
    {
        Store = store;
        _offline = offline;
        Bound = bound;
    }

    /// <summary>The regime with the store's events, and the assessor and notifier the worker would use with them.</summary>
    public Events.RegimeBound Bound { get; }

    public MailStore Store { get; }

    /// <summary>Opens the source, or writes why it cannot be opened and returns null.</summary>
    public static async Task<JudgedMail?> OpenAsync(CliEnvironment env, IServiceProvider services, string? inbox, CancellationToken cancellationToken)
    {
        try
        {
            if (inbox is not null)
            {
                var offline = await OfflineInbox.ReadAsync(services.GetRequiredService<MessageParser>(), inbox, env.Time, cancellationToken, services.GetRequiredService<Events.LiveEvents>()).ConfigureAwait(false);
                return new JudgedMail(offline.Store, offline, services.GetRequiredService<Events.LiveEvents>().Bind(offline.Store));
            }

            if (StoreAccess.TryOpen(services, env) is not { } store)
            {
                return null;
            }

            // The events file as the worker would have imported it at its next beat, then the store's events.
            var live = services.GetRequiredService<Events.LiveEvents>();
            live.ImportFile(store);
            return new JudgedMail(store, null, live.Bind(store));
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException or UnauthorizedAccessException or StoreException)
        {
            await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    public void Dispose()
    {
        if (_offline is not null)
        {
            _offline.Dispose();
        }
        else
        {
            Store.Dispose();
        }
    }
}
