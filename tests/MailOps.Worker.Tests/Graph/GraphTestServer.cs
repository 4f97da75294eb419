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
/// shows: the folder's message delta (pages of <c>Prefer: odata.maxpagesize</c>, <c>@odata.nextLink</c> then
/// <c>@odata.deltaLink</c>, <c>@removed</c> entries, 410 <c>SyncStateNotFound</c> for a link it has forgotten),
/// a message's <c>$value</c>, drafts made from base64 MIME, sending a draft (202; the sent copy keeps its immutable
/// id and is no longer a draft), one message's <c>isDraft</c>, and <c>{"error":{"code","message"}}</c> bodies.
/// It counts requests by kind, checks the bearer token and <c>Prefer: IdType="ImmutableId"</c>, and injects
/// <see cref="GraphFaults"/>.
/// </summary>
internal sealed class GraphTestServer : IAsyncDisposable
{
    public const string Token = "mailops-test-token";
    public const string Mailbox = "reports@hq.example.com";
    private const string JsonType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private const int DefaultPageSize = 10;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(long Seq, string Id, bool Removed)> _events = [];
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

    /// <summary>Requests by kind: <c>delta</c>, <c>mime</c>, <c>draft</c>, <c>send</c>, <c>message</c>, plus <c>fault:{kind}</c>, <c>gone</c> and <c>without-immutable-id</c>.</summary>
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

    /// <summary>Puts a message in the inbox, received at its <c>X-Received-At</c> header (else its Date); returns its immutable id.</summary>
    public string Deliver(string eml)
    {
        var mime = Encoding.UTF8.GetBytes(eml);
        var message = MimeMessage.Load(new MemoryStream(mime));
        var received = DateTimeOffset.TryParse(message.Headers["X-Received-At"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : message.Date;
        lock (_gate)
        {
            var id = NewId();
            _items[id] = new Item(id, mime, message, received.ToUniversalTime(), "inbox", IsDraft: false);
            _events.Add((++_seq, id, false));
            return id;
        }
    }

    /// <summary>Deletes a message from the inbox: the next delta round reports it as <c>@removed</c>.</summary>
    public void Remove(string id)
    {
        lock (_gate)
        {
            _items.Remove(id);
            _events.Add((++_seq, id, true));
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
        app.MapGet(user + "/messages/{id}/$value", Mime);
        app.MapGet(user + "/messages/{id}", MessageById);
        app.MapPost(user + "/messages", CreateDraft);
        app.MapPost(user + "/messages/{id}/send", Send);
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
        if (function is not ("delta" or "delta()") || !await Known(context, user) || !string.Equals(folder, "inbox", StringComparison.OrdinalIgnoreCase))
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
            var changes = _events
                .Where(e => e.Seq > state.After && e.Seq <= state.UpTo)
                .Where(e => e.Removed
                    ? !state.Initial
                    : _items.TryGetValue(e.Id, out var item) && item.Folder == "inbox" && item.Received >= state.Since)
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
            draft = new Item(NewId(), mime, message, DateTimeOffset.UnixEpoch, "drafts", IsDraft: true);
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
                sent = item with { Folder = "sentitems", IsDraft = false };
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
            "GET" when path.Contains("/mailFolders/", StringComparison.Ordinal) => "delta",
            "GET" when path.EndsWith("/$value", StringComparison.Ordinal) => "mime",
            "GET" => "message",
            "POST" when path.EndsWith("/send", StringComparison.Ordinal) => "send",
            "POST" => "draft",
            _ => "other",
        };
    }

    private static string NewId() =>
        "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('+', '-').Replace('/', '_');

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

    private sealed record Item(string Id, byte[] Mime, MimeMessage Message, DateTimeOffset Received, string Folder, bool IsDraft);

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
