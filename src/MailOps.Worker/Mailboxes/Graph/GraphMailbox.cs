using System.Globalization;
using MailOps.Worker.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// The shared Exchange Online mailbox through Microsoft Graph. Reading is a delta query on each watched folder
/// asking only for the metadata classification needs; the cursor holds each folder's <c>@odata.nextLink</c>, or its
/// <c>@odata.deltaLink</c> once caught up (<see cref="FolderCursor"/>). A delta link Graph no longer knows (410,
/// <c>SyncStateNotFound</c>) starts that folder again from the start date, and the store's keys drop what it had already seen. Raw MIME is one <c>$value</c>
/// request. Sending creates a draft from the MIME and sends it, paced at <see cref="GraphMailboxOptions.SendPerMinute"/>.
/// </summary>
internal sealed partial class GraphMailbox : IMailbox, IDisposable
{
    private static readonly string[] Fields = ["id", "internetMessageId", "subject", "from", "receivedDateTime"];
    private readonly GraphMailboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GraphServiceClient _client;
    private readonly PerMinuteGate _sends;
    private List<string>? _folders;
    private readonly Dictionary<string, string> _folderNames = new(StringComparer.Ordinal);

    private readonly GraphSignIn? _ownSignIn;

    /// <summary>A mailbox with its own <see cref="GraphSignIn"/>, disposed with it (a command, a test).</summary>
    public GraphMailbox(GraphMailboxOptions options, TimeProvider time, ILogger<GraphMailbox> logger, HttpMessageHandler? transport = null)
        : this(options, GraphSignIn.For(options), ownsSignIn: true, time, logger, transport)
    {
    }

    /// <param name="signIn">The process's sign-in, shared with the other Graph clients and disposed by its owner.</param>
    public GraphMailbox(GraphMailboxOptions options, GraphSignIn signIn, TimeProvider time, ILogger<GraphMailbox> logger, HttpMessageHandler? transport = null)
        : this(options, signIn, ownsSignIn: false, time, logger, transport)
    {
    }

    private GraphMailbox(GraphMailboxOptions options, GraphSignIn signIn, bool ownsSignIn, TimeProvider time, ILogger<GraphMailbox> logger, HttpMessageHandler? transport)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _ownSignIn = ownsSignIn ? signIn : null;
        _client = GraphClientFactoryForMailbox.Create(options, signIn, transport);
        _sends = new PerMinuteGate(options.SendPerMinute, time);
        Identity = new MailboxIdentity("Graph", options.Mailbox);
    }

    public MailboxIdentity Identity { get; }

    /// <remarks>
    /// The watched folders are read in their configured order, each from its own link in the one
    /// <see cref="FolderCursor"/>: a page holds one folder's messages (folders with nothing new are passed over in the
    /// same call), and <see cref="MailboxPage.More"/> stays true until the last
    /// folder has caught up, so every pass reads every folder. A message moved between two watched folders keeps its
    /// immutable id, which the store already holds, so it is counted once; the folder it left reports it removed.
    /// </remarks>
    public async Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken)
    {
        var folders = await FoldersAsync(cancellationToken).ConfigureAwait(false);
        var state = FolderCursor.Parse(cursor);
        var index = state.InHand is { } inHand ? Math.Max(0, folders.IndexOf(inHand)) : 0;
        while (true)
        {
            var folder = folders[index];
            var (messages, link, more) = await ReadFolderAsync(folder, state.LinkOf(folder), cancellationToken).ConfigureAwait(false);
            var last = index == folders.Count - 1;
            state = state.After(folder, link, more ? folder : last ? null : folders[index + 1], folders);
            if (messages.Count > 0 || more || last)
            {
                return new MailboxPage(messages, state.ToString(), More: more || !last);
            }

            // A folder with nothing new costs no page of its own: its new delta link rides with the next folder's page.
            index++;
        }
    }

    private async Task<(List<MailboxMessage> Messages, string Link, bool More)> ReadFolderAsync(string folder, string? link, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(link))
        {
            try
            {
                return await ReadAsync(folder, link, cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError error) when (GraphErrors.IsExpiredSyncState(error))
            {
                // Graph forgot the sync state (its delta token cache is bounded): read the folder again from the start
                // date. The store keys messages by immutable id and by Message-ID, sender and received instant, so
                // nothing is counted twice.
                LogResync(_logger, _options.Mailbox, NameOf(folder), error.ResponseStatusCode, error.Error?.Code);
            }
        }

        try
        {
            return await ReadAsync(folder, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (GraphErrors.IsExpiredSyncState(error))
        {
            // A fresh round has no sync state to lose: this is Graph failing, not a stale link.
            throw GraphErrors.Translate(error, _options.Mailbox, "starting a delta round", CancellationToken.None)!;
        }
    }

    // Resolved once: a display path costs a request per step, and a folder renamed while MailOps runs is still read by its id.
    private async Task<List<string>> FoldersAsync(CancellationToken cancellationToken)
    {
        if (_folders is { } known)
        {
            return known;
        }

        var resolver = new GraphFolderResolver(_client, _options.Mailbox);
        var folders = new List<string>();
        foreach (var configured in _options.WatchedFolders)
        {
            var segment = await resolver.ResolveAsync(configured, cancellationToken).ConfigureAwait(false);
            if (_folderNames.TryAdd(segment, configured))
            {
                folders.Add(segment);
            }
        }

        return _folders = folders;
    }

    public async Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken)
    {
        var stream = await Call(() => _client.Users[_options.Mailbox].Messages[id].Content.GetAsync(cancellationToken: cancellationToken), $"fetching message {id}", cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            throw new MailboxUnavailableException($"{_options.Mailbox}: Graph returned no content for message {id}.");
        }

        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    /// <summary><c>POST /users/{mailbox}/messages</c> with the MIME as base64 text: Exchange makes a draft of it in Drafts.</summary>
    public async Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var request = _client.Users[_options.Mailbox].Messages.ToPostRequestInformation(new Message());
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(mail.Mime))), "text/plain");
        var draft = await Call(() => _client.RequestAdapter.SendAsync(request, Message.CreateFromDiscriminatorValue, ErrorMapping, cancellationToken), $"drafting {mail.IdempotencyKey}", cancellationToken).ConfigureAwait(false);
        return draft?.Id ?? throw new MailboxUnavailableException($"{_options.Mailbox}: Graph created a draft for {mail.IdempotencyKey} but returned no id.");
    }

    /// <summary><c>POST /users/{mailbox}/messages/{id}/send</c> (202); with immutable ids the sent copy keeps the draft's id.</summary>
    public async Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken)
    {
        using (await _sends.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await Call(async () =>
            {
                await _client.Users[_options.Mailbox].Messages[draftId].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }, $"sending draft {draftId}", cancellationToken).ConfigureAwait(false);
        }

        return draftId;
    }

    public async Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken)
    {
        try
        {
            var message = await _client.Users[_options.Mailbox].Messages[draftId].GetAsync(c => c.QueryParameters.Select = ["id", "isDraft"], cancellationToken).ConfigureAwait(false);
            return message?.IsDraft == true ? DraftState.Waiting : DraftState.Sent;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return DraftState.Gone;
        }
        catch (Exception ex) when (GraphErrors.Translate(ex, _options.Mailbox, $"checking draft {draftId}", cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _sends.Dispose();
        _ownSignIn?.Dispose();
    }

    private static Dictionary<string, ParsableFactory<IParsable>> ErrorMapping { get; } = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private async Task<(List<MailboxMessage> Messages, string Link, bool More)> ReadAsync(string folder, string? link, CancellationToken cancellationToken)
    {
        var delta = _client.Users[_options.Mailbox].MailFolders[folder].Messages.Delta;
        var builder = link is null ? delta : delta.WithUrl(link);
        var since = _options.StartDate ?? _time.GetUtcNow().AddDays(-31);
        var response = await Call(() => builder.GetAsDeltaGetResponseAsync(c =>
        {
            if (link is null)
            {
                // Only the first request carries the query: Graph encodes it into the links it returns.
                c.QueryParameters.Select = Fields;
                c.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
            }

            c.Headers.Add("Prefer", $"odata.maxpagesize={_options.PageSize.ToString(CultureInfo.InvariantCulture)}");
        }, cancellationToken), $"reading changes of the folder {NameOf(folder)}", cancellationToken).ConfigureAwait(false);

        var messages = (response?.Value ?? []).Where(m => m.Id is not null).Select(ToMailboxMessage).ToList();
        if (response?.OdataNextLink is { Length: > 0 } next)
        {
            return (messages, next, true);
        }

        if (response?.OdataDeltaLink is { Length: > 0 } deltaLink)
        {
            return (messages, deltaLink, false);
        }

        throw new MailboxUnavailableException($"{_options.Mailbox}: a delta page had neither @odata.nextLink nor @odata.deltaLink.");
    }

    private string NameOf(string folder) => _folderNames.GetValueOrDefault(folder, folder);

    private static MailboxMessage ToMailboxMessage(Message m)
    {
        var removed = GraphDelta.IsRemoved(m);
        var from = m.From?.EmailAddress is { Address: { Length: > 0 } address } sender
            ? new MimeKit.MailboxAddress(sender.Name ?? "", address).ToString()
            : null;
        return new MailboxMessage(m.Id!, m.InternetMessageId, m.Subject, from, m.ReceivedDateTime ?? DateTimeOffset.MinValue, removed);
    }


    private async Task<T> Call<T>(Func<Task<T>> call, string doing, CancellationToken cancellation)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error) when (GraphErrors.IsExpiredSyncState(error))
        {
            throw;
        }
        catch (Exception ex) when (GraphErrors.Translate(ex, _options.Mailbox, doing, cancellation) is { } translated)
        {
            throw translated;
        }
    }

    [LoggerMessage(101, LogLevel.Warning, "Graph no longer knows the delta link of {Mailbox}, folder {Folder} ({Status} {Code}); reading it again from the start date")]
    private static partial void LogResync(ILogger logger, string mailbox, string folder, int status, string? code);
}
