using MailOps.Parsing;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;

namespace MailOps.Worker.Cli;

/// <summary>
/// A folder of <c>.eml</c> files read into a throw-away store, for the offline commands (evaluate, digest --inbox):
/// the same ingest as the worker's, nothing sent, nothing left behind, and no fsync paid for a store nobody keeps
/// (<see cref="MailStore.OpenTemporary"/>).
/// </summary>
internal sealed class OfflineInbox : IDisposable
{
    private readonly string _folder;

    private OfflineInbox(string folder, MailStore store, IngestCounts counts)
    {
        _folder = folder;
        Store = store;
        Counts = counts;
    }

    public MailStore Store { get; }

    public IngestCounts Counts { get; }

    /// <exception cref="DirectoryNotFoundException">The inbox does not exist.</exception>
    /// <param name="events">The worker's events: the events file is imported into the throw-away store and invitations in the folder read, as the worker would.</param>
    public static async Task<OfflineInbox> ReadAsync(MessageParser parser, string inbox, TimeProvider time, CancellationToken cancellationToken, Events.LiveEvents? events = null)
    {
        if (!Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException($"--inbox: the folder {Path.GetFullPath(inbox)} does not exist.");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"mailops-{Guid.NewGuid():N}");
        var options = new FolderMailboxOptions { Inbox = Path.GetFullPath(inbox), Outbox = Path.Combine(folder, "outbox"), SettleTime = TimeSpan.Zero, PageSize = 500 };
        var store = MailStore.OpenTemporary(folder, time);
        try
        {
            events?.ImportFile(store);
            var bound = events?.Bind(store);
            var counts = await new Ingestor(new FolderMailbox(options, time), store, bound?.Parser ?? parser, invitations: bound?.Invitations, rebind: events is null ? null : () => events.ReadingParts(store))
                .IngestAsync(cancellationToken).ConfigureAwait(false);
            return new OfflineInbox(folder, store, counts);
        }
        catch
        {
            store.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
