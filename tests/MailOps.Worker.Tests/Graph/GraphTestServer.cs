using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MailOps.Worker.Mailboxes.Graph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace MailOps.Worker.Tests.Graph;

/// <summary>
/// A Microsoft Graph stand-in on 127.0.0.1 answering exactly what MailOps calls, shaped as Graph's documentation
/// shows: a folder's message delta, by well-known name or id (pages of <c>Prefer: odata.maxpagesize</c>,
/// <c>@odata.nextLink</c> then <c>@odata.deltaLink</c>, <c>@removed</c> entries, 410 <c>SyncStateNotFound</c> for a
/// link it has forgotten), a folder and its <c>childFolders</c> (well-known folders under <c>msgfolderroot</c>, and
/// folders made by <see cref="AddFolder"/>), messages moved between folders keeping their immutable id,
/// a message's <c>$value</c>, drafts made from base64 MIME, sending a draft (202; the sent copy keeps its immutable
/// id and is no longer a draft), one message's <c>isDraft</c>, a calendar's <c>calendarView/delta</c> (partial file
/// GraphTestServer.Calendar.cs), and <c>{"error":{"code","message"}}</c> bodies.
/// It counts requests by kind, checks the bearer token and <c>Prefer: IdType="ImmutableId"</c>, and injects
/// <see cref="GraphFaults"/>.
/// </summary>
internal sealed partial class GraphTestServer : IAsyncDisposable
{
    public const string Token = "mailops-test-token";
    public const string Mailbox = "reports@hq.example.com";
    private const string JsonType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private const int DefaultPageSize = 10;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(long Seq, string Id, string Folder, bool Removed)> _events = [];
    private readonly Dictionary<string, MailFolder> _folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mimeRefused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, int> _sendsBySubject = new();
    private readonly ConcurrentQueue<GraphFault> _next = new();
    private Random _random = new(0);
    private GraphFaults _faults = GraphFaults.None;
    private long _seq;
    private int _generation = 1;
    private int _inFlight;
    private int _maxInFlight;

    private GraphTestServer(WebApplication app)
    {
        _app = app;
        _calendars[DefaultCalendarId] = "Calendar";
        var root = new MailFolder(NewId(), null, "Top of Information Store", "msgfolderroot");
        _folders[root.Id] = root;
        foreach (var (wellKnown, name) in new[] { ("inbox", "Inbox"), ("archive", "Archive"), ("drafts", "Drafts"), ("sentitems", "Sent Items"), ("deleteditems", "Deleted Items") })
        {
            var folder = new MailFolder(NewId(), root.Id, name, wellKnown);
            _folders[folder.Id] = folder;
        }
    }

    /// <summary>The Graph endpoint to configure as <c>BaseUrl</c>, such as <c>http://127.0.0.1:41234/v1.0</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public GraphFaults Faults
    {
        get => _faults;
        set
        {
            lock (_gate)
            {
                _faults = value;
                _random = new Random(value.Seed);
            }
        }
    }

    /// <summary>When set, every request is refused with this status, code and message (a permission or policy failure).</summary>
    public (int Status, string Code, string Message)? Refuse { get; set; }

    /// <summary>Requests by kind: <c>delta</c>, <c>folder</c> (a folder or its children), <c>calendar-delta</c>, <c>calendars</c>, <c>event</c>, <c>mime</c>, <c>draft</c>, <c>send</c>, <c>message</c>, plus <c>fault:{kind}</c>, <c>gone</c> and <c>without-immutable-id</c>.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    public int Count(string kind) => _counts.GetValueOrDefault(kind);

    public int TotalRequests => _counts.Where(c => !c.Key.Contains(':', StringComparison.Ordinal) && c.Key is not "gone" and not "without-immutable-id").Sum(c => c.Value);

    /// <summary>How many times a message with each subject was sent.</summary>
    public IReadOnlyDictionary<string, int> SendsBySubject => _sendsBySubject;

    public int MaxInFlight => _maxInFlight;

    /// <summary>Told the kind of each request as it arrives, before any latency or fault (see <see cref="Counts"/>).</summary>
    public event Action<string>? Requested;

    /// <summary>The query of the last delta request that started a round (no skip or delta token).</summary>
    public string? LastInitialDeltaQuery { get; private set; }

    public static async Task<GraphTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new GraphTestServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = $"{address.TrimEnd('/')}/v1.0";
        return server;
    }

    /// <summary>Options for a Graph mailbox pointed at this server with the test token.</summary>
    public GraphMailboxOptions Options(int pageSize = 50) => new()
    {
        Credential = GraphCredentialKinds.TestToken,
        TestToken = Token,
        BaseUrl = BaseUrl,
        Mailbox = Mailbox,
        StartDate = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)),
        PageSize = pageSize,
    };

    /// <summary>
    /// Puts a message in a folder (the inbox unless a well-known name or a path made by <see cref="AddFolder"/> is
    /// given), received at its <c>X-Received-At</c> header (else its Date); returns its immutable id.
    /// </summary>
    public string Deliver(string eml, string folder = "inbox")
    {
        var mime = Encoding.UTF8.GetBytes(eml);
        var message = MimeMessage.Load(new MemoryStream(mime));
        var received = DateTimeOffset.TryParse(message.Headers["X-Received-At"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : message.Date;
        lock (_gate)
        {
            var id = NewId();
            var into = FolderAt(folder) ?? throw new ArgumentException($"No folder {folder}.", nameof(folder));
            _items[id] = new Item(id, mime, message, received.ToUniversalTime(), into.Id, IsDraft: false);
            _events.Add((++_seq, id, into.Id, false));
            return id;
        }
    }

    /// <summary>Deletes a message from its folder: the folder's next delta round reports it as <c>@removed</c>.</summary>
    public void Remove(string id)
    {
        lock (_gate)
        {
            var folder = _items[id].Folder;
            _items.Remove(id);
            _events.Add((++_seq, id, folder, true));
        }
    }

    /// <summary>
    /// Moves a message, as an Outlook rule or a person filing it does: it keeps its immutable id, the folder it left
    /// reports it <c>@removed</c> and the folder it reaches reports it as a change.
    /// </summary>
    public void Move(string id, string folder)
    {
        lock (_gate)
        {
            var item = _items[id];
            var into = FolderAt(folder) ?? throw new ArgumentException($"No folder {folder}.", nameof(folder));
            _items[id] = item with { Folder = into.Id };
            _events.Add((++_seq, id, item.Folder, true));
            _events.Add((++_seq, id, into.Id, false));
        }
    }

    /// <summary>Makes the folders of a path of display names (<c>Inbox/Reports</c>, <c>Projects/2026</c>) that do not exist yet; returns the last one's id.</summary>
    public string AddFolder(string path)
    {
        lock (_gate)
        {
            var steps = path.Split('/');
            var parent = FolderAt(steps[0]) ?? Child(Root.Id, steps[0]) ?? Added(Root.Id, steps[0]);
            foreach (var step in steps.Skip(1))
            {
                parent = Child(parent.Id, step) ?? Added(parent.Id, step);
            }

            return parent.Id;
        }

        MailFolder Added(string parentId, string name)
        {
            var folder = new MailFolder(NewId(), parentId, name, null);
            _folders[folder.Id] = folder;
            return folder;
        }
    }

    /// <summary>Forgets every sync state handed out so far: their links answer 410 <c>SyncStateNotFound</c>.</summary>
    public void ForgetSyncStates()
    {
        lock (_gate)
        {
            _generation++;
        }
    }

    /// <summary>Answers 404 <c>ErrorItemNotFound</c> to every request for this message's <c>$value</c>, as Exchange does for an item it cannot render.</summary>
    public void RefuseMime(string id)
    {
        lock (_gate)
        {
            _mimeRefused.Add(id);
        }
    }

    /// <summary>Serves a message's <c>$value</c> again after <see cref="RefuseMime"/>.</summary>
    public void ServeMime(string id)
    {
        lock (_gate)
        {
            _mimeRefused.Remove(id);
        }
    }

    public void FailNext(params GraphFault[] faults)
    {
        foreach (var fault in faults)
        {
            _next.Enqueue(fault);
        }
    }

    public int DraftCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Values.Count(i => i.IsDraft);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var kind = KindOf(context.Request);
            Bump(kind);
            Requested?.Invoke(kind);
            var inFlight = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, inFlight);
            try
            {
                await Gate(context, kind, next);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });

        const string user = "/v1.0/users/{user}";
        app.MapGet(user + "/mailFolders/{folder}/messages/{function}", Delta);
        app.MapGet(user + "/mailFolders/{folder}/childFolders", ChildFolders);
        app.MapGet(user + "/mailFolders/{folder}", FolderById);
        app.MapGet(user + "/messages/{id}/$value", Mime);
        app.MapGet(user + "/messages/{id}", MessageById);
        app.MapPost(user + "/messages", CreateDraft);
        app.MapPost(user + "/messages/{id}/send", Send);
        MapCalendar(app, user);
    }

    private async Task Gate(HttpContext context, string kind, RequestDelegate next)
    {
        var faults = _faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency);
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await Error(context, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            return;
        }

        if (Refuse is { } refuse)
        {
            await Error(context, refuse.Status, refuse.Code, refuse.Message);
            return;
        }

        if (!context.Request.Headers["Prefer"].Any(p => p?.Contains("IdType=\"ImmutableId\"", StringComparison.Ordinal) == true))
        {
            Bump("without-immutable-id");
        }

        switch (NextFault(kind))
        {
            case GraphFault.Throttle:
                Bump("fault:429");
                context.Response.Headers.RetryAfter = ((int)faults.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Error(context, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
                return;
            case GraphFault.Unavailable:
                Bump("fault:503");
                context.Response.Headers.RetryAfter = ((int)faults.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Error(context, 503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.");
                return;
            case GraphFault.Drop:
                Bump("fault:drop");
                context.Abort();
                return;
            case GraphFault.DropAfterSend:
                Bump("fault:drop-after-send");
                context.Items["drop-after"] = true;
                break;
        }

        await next(context);
    }

    private GraphFault? NextFault(string kind)
    {
        if (_next.TryDequeue(out var queued))
        {
            return queued == GraphFault.DropAfterSend && kind != "send" ? GraphFault.Drop : queued;
        }

        lock (_gate)
        {
            if (_faults.Rate <= 0 || _random.NextDouble() >= _faults.Rate)
            {
                return null;
            }

            var kinds = _faults.Kinds.Where(k => k != GraphFault.DropAfterSend || kind == "send").ToList();
            return kinds.Count == 0 ? null : kinds[_random.Next(kinds.Count)];
        }
    }

    private async Task Delta(HttpContext context, string user, string folder, string function)
    {
        MailFolder? watched;
        lock (_gate)
        {
            watched = FolderBySegment(folder);
        }

        if (function is not ("delta" or "delta()") || !await Known(context, user) || watched is null)
        {
            if (!context.Response.HasStarted)
            {
                await Error(context, 404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
            }

            return;
        }

        var query = context.Request.Query;
        SyncState state;
        lock (_gate)
        {
            if (query.TryGetValue("$skiptoken", out var skip))
            {
                state = SyncState.Decode(skip!);
            }
            else if (query.TryGetValue("$deltatoken", out var token))
            {
                var previous = SyncState.Decode(token!);
                state = previous with { After = previous.UpTo, UpTo = _seq, Initial = false };
            }
            else
            {
                LastInitialDeltaQuery = context.Request.QueryString.Value;
                state = new SyncState(_generation, 0, _seq, true, Since(query["$filter"]));
            }
        }

        if (state.Generation != _generation)
        {
            Bump("gone");
            await Error(context, 410, "SyncStateNotFound", "The sync state generation is not found, was deleted, or has expired; start a new round of synchronization.");
            return;
        }

        var pageSize = PageSize(context.Request.Headers["Prefer"]);
        List<Dictionary<string, object?>> page;
        string link;
        lock (_gate)
        {
            // Each message once, as its last change in the folder left it (Graph's delta reports state, not history).
            var changes = _events
                .Where(e => e.Seq > state.After && e.Seq <= state.UpTo && e.Folder == watched.Id)
                .GroupBy(e => e.Id)
                .Select(g => g.Last())
                .Where(e => e.Removed
                    ? !state.Initial
                    : _items.TryGetValue(e.Id, out var item) && item.Folder == watched.Id && item.Received >= state.Since)
                .OrderBy(e => e.Seq)
                .Take(pageSize + 1)
                .ToList();
            page = [.. changes.Take(pageSize).Select(e => e.Removed ? RemovedEntry(e.Id) : Entry(_items[e.Id]))];
            var self = $"{BaseUrl}/users/{user}/mailFolders/{folder}/messages/delta";
            link = changes.Count > pageSize
                ? $"@odata.nextLink|{self}?$skiptoken={(state with { After = changes[pageSize - 1].Seq }).Encode()}"
                : $"@odata.deltaLink|{self}?$deltatoken={(state with { After = state.UpTo }).Encode()}";
        }

        var parts = link.Split('|', 2);
        context.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={pageSize}";
        await Json(context, 200, new Dictionary<string, object?>
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#Collection(message)",
            [parts[0]] = parts[1],
            ["value"] = page,
        });
    }

    private async Task FolderById(HttpContext context, string user, string folder)
    {
        if (!await Known(context, user) || await FindFolder(context, folder) is not { } found)
        {
            return;
        }

        Dictionary<string, object?> body;
        lock (_gate)
        {
            body = FolderEntry(found);
        }

        body["@odata.context"] = $"{BaseUrl}/$metadata#users('{user}')/mailFolders/$entity";
        await Json(context, 200, body);
    }

    private async Task ChildFolders(HttpContext context, string user, string folder)
    {
        if (!await Known(context, user) || await FindFolder(context, folder) is not { } parent)
        {
            return;
        }

        List<Dictionary<string, object?>> children;
        lock (_gate)
        {
            children = [.. _folders.Values.Where(f => f.ParentId == parent.Id).Select(FolderEntry)];
        }

        await Json(context, 200, new Dictionary<string, object?>
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#users('{user}')/mailFolders('{folder}')/childFolders",
            ["value"] = children,
        });
    }

    private async Task<MailFolder?> FindFolder(HttpContext context, string segment)
    {
        lock (_gate)
        {
            if (FolderBySegment(segment) is { } found)
            {
                return found;
            }
        }

        // Graph's answers: a segment that is neither a well-known name nor shaped like an id is malformed.
        await (segment.StartsWith(IdPrefix, StringComparison.Ordinal)
            ? Error(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.")
            : Error(context, 400, "ErrorInvalidIdMalformed", "Id is malformed."));
        return null;
    }

    private async Task Mime(HttpContext context, string user, string id)
    {
        if (!await Known(context, user) || await Find(context, id) is not { } item)
        {
            return;
        }

        bool refused;
        lock (_gate)
        {
            refused = _mimeRefused.Contains(id);
        }

        if (refused)
        {
            await Error(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "message/rfc822";
        await context.Response.Body.WriteAsync(item.Mime);
    }

    private async Task MessageById(HttpContext context, string user, string id)
    {
        if (!await Known(context, user) || await Find(context, id) is not { } item)
        {
            return;
        }

        await Json(context, 200, new Dictionary<string, object?>
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#users('{user}')/messages(id,isDraft)/$entity",
            ["@odata.etag"] = $"W/\"{item.Id[^8..]}\"",
            ["id"] = item.Id,
            ["isDraft"] = item.IsDraft,
        });
    }

    private async Task CreateDraft(HttpContext context, string user)
    {
        if (!await Known(context, user))
        {
            return;
        }

        if (context.Request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Error(context, 400, "RequestBodyRead", "This test server makes drafts from base64 MIME (Content-Type: text/plain) only.");
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.ASCII);
        byte[] mime;
        MimeMessage message;
        try
        {
            mime = Convert.FromBase64String(await reader.ReadToEndAsync());
            message = MimeMessage.Load(new MemoryStream(mime));
        }
        catch (FormatException)
        {
            await Error(context, 400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
            return;
        }

        Item draft;
        lock (_gate)
        {
            draft = new Item(NewId(), mime, message, DateTimeOffset.UnixEpoch, FolderBySegment("drafts")!.Id, IsDraft: true);
            _items[draft.Id] = draft;
        }

        var body = Entry(draft);
        body["@odata.context"] = $"{BaseUrl}/$metadata#users('{user}')/messages/$entity";
        body["isDraft"] = true;
        await Json(context, 201, body);
    }

    private async Task Send(HttpContext context, string user, string id)
    {
        if (!await Known(context, user))
        {
            return;
        }

        Item? sent = null;
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var item) && item.IsDraft)
            {
                // The sent copy keeps the draft's immutable id, in Sent Items, no longer a draft.
                sent = item with { Folder = FolderBySegment("sentitems")!.Id, IsDraft = false };
                _items[id] = sent;
            }
        }

        if (sent is null)
        {
            await Error(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            return;
        }

        _sendsBySubject.AddOrUpdate(sent.Message.Subject ?? "", 1, (_, n) => n + 1);
        if (context.Items.ContainsKey("drop-after"))
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = 202;
    }

    private static async Task<bool> Known(HttpContext context, string user)
    {
        if (string.Equals(Uri.UnescapeDataString(user), Mailbox, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        await Error(context, 404, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");
        return false;
    }

    private async Task<Item?> Find(HttpContext context, string id)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var item))
            {
                return item;
            }
        }

        await Error(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
        return null;
    }

    private static Dictionary<string, object?> Entry(Item item) => new()
    {
        ["@odata.type"] = "#microsoft.graph.message",
        ["@odata.etag"] = $"W/\"CQAAABYAAAC{item.Id[^8..]}\"",
        ["id"] = item.Id,
        ["receivedDateTime"] = item.Received.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["subject"] = item.Message.Subject,
        ["internetMessageId"] = item.Message.MessageId is { } mid ? $"<{mid}>" : null,
        ["from"] = item.Message.From.Mailboxes.FirstOrDefault() is { } sender
            ? new Dictionary<string, object?> { ["emailAddress"] = new Dictionary<string, object?> { ["name"] = sender.Name ?? sender.Address, ["address"] = sender.Address } }
            : null,
    };

    private static Dictionary<string, object?> RemovedEntry(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.message",
        ["id"] = id,
        ["@removed"] = new Dictionary<string, object?> { ["reason"] = "deleted" },
    };

    private static DateTimeOffset Since(string? filter)
    {
        const string prefix = "receivedDateTime ge ";
        return filter is not null && filter.StartsWith(prefix, StringComparison.Ordinal)
            && DateTimeOffset.TryParse(filter[prefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? since
            : DateTimeOffset.MinValue;
    }

    private static int PageSize(IEnumerable<string?> prefer)
    {
        foreach (var preference in prefer.SelectMany(p => (p ?? "").Split(',')))
        {
            var trimmed = preference.Trim();
            if (trimmed.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(trimmed["odata.maxpagesize=".Length..], CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                return size;
            }
        }

        return DefaultPageSize;
    }

    private static string KindOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return request.Method switch
        {
            "GET" when path.Contains("/calendarView/", StringComparison.Ordinal) => "calendar-delta",
            "GET" when path.Contains("/calendars", StringComparison.Ordinal) => "calendars",
            "GET" when path.Contains("/events/", StringComparison.Ordinal) => "event",
            "GET" when path.Contains("/mailFolders/", StringComparison.Ordinal) && path.Contains("/messages/", StringComparison.Ordinal) => "delta",
            "GET" when path.Contains("/mailFolders", StringComparison.Ordinal) => "folder",
            "GET" when path.EndsWith("/$value", StringComparison.Ordinal) => "mime",
            "GET" => "message",
            "POST" when path.EndsWith("/send", StringComparison.Ordinal) => "send",
            "POST" => "draft",
            _ => "other",
        };
    }

    private const string IdPrefix = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A";

    private static string NewId() =>
        IdPrefix + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('+', '-').Replace('/', '_');

    private static Task Error(HttpContext context, int status, string code, string message) =>
        Json(context, status, new Dictionary<string, object?>
        {
            ["error"] = new Dictionary<string, object?>
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new Dictionary<string, object?> { ["date"] = "2026-11-24T02:00:00", ["request-id"] = Guid.NewGuid().ToString(), ["client-request-id"] = Guid.NewGuid().ToString() },
            },
        });

    private static async Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private void Bump(string kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private MailFolder Root => _folders.Values.Single(f => f.WellKnownName == "msgfolderroot");

    // A segment of mailFolders/{folder}: a well-known name (any case) or an id.
    private MailFolder? FolderBySegment(string segment) =>
        _folders.GetValueOrDefault(segment) ?? _folders.Values.FirstOrDefault(f => string.Equals(f.WellKnownName, segment, StringComparison.OrdinalIgnoreCase));

    // A well-known name, or a path of display names from the top of the mailbox.
    private MailFolder? FolderAt(string path)
    {
        var steps = path.Split('/');
        var folder = FolderBySegment(steps[0]) is { WellKnownName: not null } wellKnown ? wellKnown : Child(Root.Id, steps[0]);
        foreach (var step in steps.Skip(1))
        {
            folder = folder is null ? null : Child(folder.Id, step);
        }

        return folder;
    }

    private MailFolder? Child(string parentId, string name) =>
        _folders.Values.FirstOrDefault(f => f.ParentId == parentId && string.Equals(f.DisplayName, name, StringComparison.OrdinalIgnoreCase));

    private Dictionary<string, object?> FolderEntry(MailFolder folder) => new()
    {
        ["id"] = folder.Id,
        ["displayName"] = folder.DisplayName,
        ["parentFolderId"] = folder.ParentId,
        ["childFolderCount"] = _folders.Values.Count(f => f.ParentId == folder.Id),
    };

    private sealed record Item(string Id, byte[] Mime, MimeMessage Message, DateTimeOffset Received, string Folder, bool IsDraft);

    private sealed record MailFolder(string Id, string? ParentId, string DisplayName, string? WellKnownName);

    /// <summary>A round's position: changes after <see cref="After"/> up to <see cref="UpTo"/>, under the round's filter.</summary>
    private sealed record SyncState(int Generation, long After, long UpTo, bool Initial, DateTimeOffset Since)
    {
        public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes(
            string.Join('.', Generation, After, UpTo, Initial ? 1 : 0, Since.UtcTicks.ToString(CultureInfo.InvariantCulture)))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static SyncState Decode(string token)
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('.');
            var ticks = long.Parse(parts[4], CultureInfo.InvariantCulture);
            return new SyncState(
                int.Parse(parts[0], CultureInfo.InvariantCulture),
                long.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture),
                parts[3] == "1",
                ticks == DateTimeOffset.MinValue.UtcTicks ? DateTimeOffset.MinValue : new DateTimeOffset(ticks, TimeSpan.Zero));
        }
    }
}
