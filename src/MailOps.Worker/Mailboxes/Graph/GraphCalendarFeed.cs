using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Worker.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using DeltaPage = Microsoft.Graph.Users.Item.CalendarView.Delta.DeltaGetResponse;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// A shared calendar through Microsoft Graph: <c>GET /users/{mailbox}/calendarView/delta</c> (or
/// <c>/calendars/{id}/calendarView/delta</c> for a named calendar) over <see cref="CalendarFeedOptions.WindowBack"/>
/// to <see cref="CalendarFeedOptions.WindowAhead"/> around today, with <c>Prefer: odata.maxpagesize</c> and
/// <c>Prefer: outlook.timezone="UTC"</c> on every request (a link carries the query, not the headers). The cursor is
/// the round's window and its last link; a link Graph has forgotten (410 <c>SyncStateNotFound</c>), or a window
/// that has moved on, starts a full round (<see cref="CalendarPage.Restarted"/>). An occurrence's series UID is its
/// series master's <c>iCalUId</c>, asked once per series per feed. It signs in with the process's
/// <see cref="GraphSignIn"/>, in the Graph mailbox's cloud.
/// </summary>
internal sealed partial class GraphCalendarFeed : ICalendarFeed, IDisposable
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
    private readonly CalendarFeedOptions _options;
    private readonly RegimeZone _zone;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GraphServiceClient _client;
    private readonly string _mailbox;
    private readonly Dictionary<string, string?> _seriesUids = new(StringComparer.Ordinal);
    private string? _calendarId;

    /// <param name="graph">The Graph mailbox's settings: its cloud, base URL and request limit are the calendar's too.</param>
    public GraphCalendarFeed(CalendarFeedOptions options, GraphMailboxOptions graph, GraphSignIn signIn, RegimeZone zone, TimeProvider time, ILogger<GraphCalendarFeed> logger, HttpMessageHandler? transport = null)
    {
        _options = options;
        _mailbox = options.Mailbox ?? throw new ArgumentException($"{CalendarFeedOptions.Section}:Mailbox is not set.", nameof(options));
        _zone = zone;
        _time = time;
        _logger = logger;
        _client = GraphClientFactoryForMailbox.Create(graph, signIn, transport);
        CursorKey = string.IsNullOrWhiteSpace(options.Calendar) ? $"GraphCalendar:{_mailbox}" : $"GraphCalendar:{_mailbox}/{options.Calendar.Trim()}";
    }

    public string CursorKey { get; }

    public async Task<CalendarPage> ReadAsync(string? cursor, CancellationToken cancellationToken)
    {
        var window = WindowAt(_time.GetUtcNow());
        var state = CalendarCursor.Parse(cursor);
        if (state is not null && (state.More || !HasMovedOn(state.Window, window)))
        {
            try
            {
                return await PageAsync(state.Window, state.Link, restarted: false, cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError error) when (GraphErrors.IsExpiredSyncState(error))
            {
                LogResync(_logger, _mailbox, error.ResponseStatusCode, error.Error?.Code);
            }
        }

        try
        {
            return await PageAsync(window, null, restarted: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (GraphErrors.IsExpiredSyncState(error))
        {
            // A fresh round has no sync state to lose: this is Graph failing, not a stale link.
            throw Translated(error, "starting a calendar round", CancellationToken.None)!;
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The window at <paramref name="now"/>: from the regime zone's midnight <see cref="CalendarFeedOptions.WindowBack"/> ago to the end of the day <see cref="CalendarFeedOptions.WindowAhead"/> on.</summary>
    internal CalendarWindow WindowAt(DateTimeOffset now) =>
        new(_zone.StartOf(_zone.DateOf(now - _options.WindowBack)), _zone.StartOf(_zone.DateOf(now + _options.WindowAhead).AddDays(1)));

    // A round in hand is finished first; a caught-up one gives way once the window has moved on, or was resized.
    private bool HasMovedOn(CalendarWindow round, CalendarWindow now) =>
        now.Start - round.Start >= _options.WindowMovesEvery || now.End - now.Start != round.End - round.Start;

    private async Task<CalendarPage> PageAsync(CalendarWindow window, string? link, bool restarted, CancellationToken cancellationToken)
    {
        var request = link is null ? await FirstRequestAsync(window, cancellationToken).ConfigureAwait(false) : new RequestInformation { HttpMethod = Method.GET, URI = new Uri(link) };
        request.Headers.Add("Prefer", $"odata.maxpagesize={_options.PageSize.ToString(CultureInfo.InvariantCulture)}");
        request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        var response = await Call(() => _client.RequestAdapter.SendAsync(request, DeltaPage.CreateFromDiscriminatorValue, ErrorMapping, cancellationToken), "reading the calendar's changes", cancellationToken).ConfigureAwait(false);

        var changed = new List<CalendarFeedItem>();
        var removed = new List<string>();
        foreach (var e in response?.Value ?? [])
        {
            if (e.Id is null)
            {
                continue;
            }

            if (GraphDelta.IsRemoved(e))
            {
                removed.Add(e.Id);
                continue;
            }

            var seriesUid = GraphCalendarItems.IsOccurrence(e) ? await SeriesUidAsync(e.SeriesMasterId!, cancellationToken).ConfigureAwait(false) : null;
            if (GraphCalendarItems.Of(e, seriesUid, _zone) is { } item)
            {
                changed.Add(new CalendarFeedItem(e.Id, item, e.IsCancelled == true));
            }
            else
            {
                LogUnreadable(_logger, _mailbox, e.Id, e.Start?.TimeZone);
            }
        }

        var (next, more) = response?.OdataNextLink is { Length: > 0 } nextLink ? (nextLink, true)
            : response?.OdataDeltaLink is { Length: > 0 } deltaLink ? (deltaLink, false)
            : throw new MailboxUnavailableException($"{_mailbox}: a calendar delta page had neither @odata.nextLink nor @odata.deltaLink.");
        return new CalendarPage(changed, removed, new CalendarCursor(window.Start, window.End, next, more).ToString(), IsLast: !more, restarted, window);
    }

    // Only the first request carries the window: Graph encodes it into the links it returns.
    private async Task<RequestInformation> FirstRequestAsync(CalendarWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (Utc(window.Start), Utc(window.End));
        if (string.IsNullOrWhiteSpace(_options.Calendar))
        {
            return _client.Users[_mailbox].CalendarView.Delta.ToGetRequestInformation(c => (c.QueryParameters.StartDateTime, c.QueryParameters.EndDateTime) = (start, end));
        }

        var calendar = _calendarId ??= await CalendarIdAsync(_options.Calendar.Trim(), cancellationToken).ConfigureAwait(false);
        return _client.Users[_mailbox].Calendars[calendar].CalendarView.Delta.ToGetRequestInformation(c => (c.QueryParameters.StartDateTime, c.QueryParameters.EndDateTime) = (start, end));
    }

    private async Task<string> CalendarIdAsync(string name, CancellationToken cancellationToken)
    {
        var calendars = new List<Microsoft.Graph.Models.Calendar>();
        var builder = _client.Users[_mailbox].Calendars;
        var response = await Call(() => builder.GetAsync(c => (c.QueryParameters.Select, c.QueryParameters.Top) = (["id", "name"], 250), cancellationToken), "listing the calendars", cancellationToken).ConfigureAwait(false);
        while (response is not null)
        {
            calendars.AddRange(response.Value ?? []);
            if (response.OdataNextLink is not { Length: > 0 } next)
            {
                break;
            }

            response = await Call(() => builder.WithUrl(next).GetAsync(cancellationToken: cancellationToken), "listing the calendars", cancellationToken).ConfigureAwait(false);
        }

        return calendars.FirstOrDefault(c => string.Equals(c.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new MailboxAccessException(
                $"{CalendarFeedOptions.Section}:Calendar \"{name}\": {_mailbox} has no calendar of that name; its calendars are {string.Join(", ", calendars.Select(c => $"\"{c.Name}\"").Order(StringComparer.OrdinalIgnoreCase))}. Correct the name, or remove the setting to read the default calendar.");
    }

    // The series master's iCalUId, once per series: an occurrence's own iCalUId differs from one occurrence to the next.
    private async Task<string?> SeriesUidAsync(string masterId, CancellationToken cancellationToken)
    {
        if (_seriesUids.TryGetValue(masterId, out var known))
        {
            return known;
        }

        try
        {
            string[] fields = ["id", "iCalUId"];
            var master = _calendarId is { } calendar
                ? await _client.Users[_mailbox].Calendars[calendar].Events[masterId].GetAsync(c => c.QueryParameters.Select = fields, cancellationToken).ConfigureAwait(false)
                : await _client.Users[_mailbox].Events[masterId].GetAsync(c => c.QueryParameters.Select = fields, cancellationToken).ConfigureAwait(false);
            return _seriesUids[masterId] = master?.ICalUId;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            // The series was deleted while its occurrences were being read: they go as removed at the next read.
            return _seriesUids[masterId] = null;
        }
        catch (Exception ex) when (Translated(ex, $"reading the series of {masterId}", cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> call, string doing, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error) when (GraphErrors.IsExpiredSyncState(error))
        {
            throw;
        }
        catch (Exception ex) when (Translated(ex, doing, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    // A refusal names the calendar grant, not the mail one; everything else reads as the mailbox's failures do.
    private Exception? Translated(Exception ex, string doing, CancellationToken cancellationToken) => ex switch
    {
        ODataError { ResponseStatusCode: 403 } refused => new MailboxAccessException(
            $"{_mailbox}: Graph refused MailOps while {doing} (403 {refused.Error?.Code}: {refused.Error?.Message}). {CalendarGrant}", ex),
        _ => GraphErrors.Translate(ex, _mailbox, doing, cancellationToken),
    };

    private string CalendarGrant =>
        $"MailOps needs the application permission Calendars.Read on {_mailbox} only, with RBAC for Applications in Exchange Online: "
        + $"New-ManagementScope -Name 'MailOps calendar' -RecipientRestrictionFilter \"PrimarySmtpAddress -eq '{_mailbox}'\"; "
        + "New-ManagementRoleAssignment -Name 'MailOps Calendars.Read' -App <enterprise app object id> -Role \"Application Calendars.Read\" -CustomResourceScope 'MailOps calendar'; "
        + $"then check with Test-ServicePrincipalAuthorization -Identity <client id> -Resource {_mailbox} (mailops setup exchange --calendar {_mailbox} prints it all). "
        + "Do not grant Calendars.Read tenant-wide in Entra ID, which would reach every calendar.";


    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(111, LogLevel.Warning, "Graph no longer knows the calendar delta link of {Mailbox} ({Status} {Code}); reading the whole window again")]
    private static partial void LogResync(ILogger logger, string mailbox, int status, string? code);

    [LoggerMessage(112, LogLevel.Warning, "A calendar item of {Mailbox} ({Id}) has a start or end in a time zone this machine does not know ({Zone}); it is left out")]
    private static partial void LogUnreadable(ILogger logger, string mailbox, string id, string? zone);
}
