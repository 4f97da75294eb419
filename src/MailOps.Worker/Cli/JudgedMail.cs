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

    private JudgedMail(MailStore store, OfflineInbox? offline)
    {
        Store = store;
        _offline = offline;
    }

    public MailStore Store { get; }

    /// <summary>Opens the source, or writes why it cannot be opened and returns null.</summary>
    public static async Task<JudgedMail?> OpenAsync(CliEnvironment env, IServiceProvider services, string? inbox, CancellationToken cancellationToken)
    {
        try
        {
            if (inbox is not null)
            {
                var offline = await OfflineInbox.ReadAsync(services.GetRequiredService<MessageParser>(), inbox, env.Time, cancellationToken).ConfigureAwait(false);
                return new JudgedMail(offline.Store, offline);
            }

            return StoreAccess.TryOpen(services, env) is { } store ? new JudgedMail(store, null) : null;
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
