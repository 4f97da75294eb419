using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailOps.Worker.Tests.Graph;

/// <summary>
/// The calendar half of the Graph stand-in, shaped as Graph's calendarView delta is documented: the instances of a
/// window (single events, a recurring series' occurrences and exceptions, never its master), <c>startDateTime</c> and
/// <c>endDateTime</c> on the first request only (400 without them) and carried in the links, pages of
/// <c>Prefer: odata.maxpagesize</c>, times in the zone <c>Prefer: outlook.timezone</c> names (UTC without it), all-day
/// events at midnight whatever the zone, <c>@removed</c> for an instance deleted or moved out of the window, 410
/// <c>SyncStateNotFound</c> for a forgotten link, a series master by id, and the mailbox's calendars.
/// </summary>
internal sealed partial class GraphTestServer
{
    public const string DefaultCalendarId = "AAMkAGI2TGuLAAA-default-calendar";
    private const string EventZone = "China Standard Time";

    private readonly Dictionary<string, string> _calendars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CalendarEvent> _calendarEvents = new(StringComparer.Ordinal);
    private readonly List<(long Seq, string Id, bool Removed)> _calendarChanges = [];
    private long _calendarSeq;

    /// <summary>The <c>Prefer</c> values of the last calendar delta request.</summary>
    public IReadOnlyList<string> LastCalendarPrefer { get; private set; } = [];

    /// <summary>The query of the last calendar delta request that started a round.</summary>
    public string? LastInitialCalendarQuery { get; private set; }

    /// <summary>Adds a calendar beside the default one; returns its id.</summary>
    public string AddCalendar(string name)
    {
        lock (_gate)
        {
            var id = NewId();
            _calendars[id] = name;
            return id;
        }
    }

    /// <summary>
    /// A weekly series of <paramref name="count"/> meetings from <paramref name="first"/>: the master, which the view
    /// never lists, and one occurrence a week, each with an <c>iCalUId</c> of its own, as Graph gives them.
    /// </summary>
    public CalendarSeries AddWeeklySeries(string subject, DateTimeOffset first, TimeSpan duration, int count, string? calendarId = null, IReadOnlyList<string>? categories = null, string? location = null)
    {
        lock (_gate)
        {
            var uid = "040000008200E00074C5B7101A82E00800000000" + Guid.NewGuid().ToString("N").ToUpperInvariant();
            var master = new CalendarEvent(NewId(), calendarId ?? DefaultCalendarId, uid, "seriesMaster", null, null, first, first + duration, false, subject, categories ?? [], location, false);
            _calendarEvents[master.Id] = master;
            var occurrences = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var start = first.AddDays(7 * i);
                var occurrence = master with
                {
                    Id = NewId(),
                    ICalUId = $"{uid}{start.UtcDateTime:yyyyMMdd}",
                    Type = "occurrence",
                    SeriesMasterId = master.Id,
                    OriginalStart = start,
                    Start = start,
                    End = start + duration,
                };
                _calendarEvents[occurrence.Id] = occurrence;
                occurrences.Add(occurrence.Id);
                _calendarChanges.Add((++_calendarSeq, occurrence.Id, false));
            }

            return new CalendarSeries(master.Id, uid, occurrences);
        }
    }

    /// <summary>A meeting that does not recur; returns its id.</summary>
    public string AddEvent(string subject, DateTimeOffset start, DateTimeOffset end, string? calendarId = null, IReadOnlyList<string>? categories = null, string? location = null)
    {
        lock (_gate)
        {
            var e = new CalendarEvent(NewId(), calendarId ?? DefaultCalendarId, "040000008200E00074C5B7101A82E00800000000" + Guid.NewGuid().ToString("N").ToUpperInvariant(), "singleInstance", null, null, start, end, false, subject, categories ?? [], location, false);
            _calendarEvents[e.Id] = e;
            _calendarChanges.Add((++_calendarSeq, e.Id, false));
            return e.Id;
        }
    }

    /// <summary>An all-day event from <paramref name="first"/> to <paramref name="last"/> inclusive, created in China Standard Time; returns its id.</summary>
    public string AddAllDayEvent(string subject, DateOnly first, DateOnly last, IReadOnlyList<string>? categories = null, string? location = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(EventZone);
        DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        lock (_gate)
        {
            var e = new CalendarEvent(NewId(), DefaultCalendarId, "040000008200E00074C5B7101A82E00800000000" + Guid.NewGuid().ToString("N").ToUpperInvariant(), "singleInstance", null, null, Midnight(first), Midnight(last.AddDays(1)), true, subject, categories ?? [], location, false);
            _calendarEvents[e.Id] = e;
            _calendarChanges.Add((++_calendarSeq, e.Id, false));
            return e.Id;
        }
    }

    /// <summary>Moves one occurrence: it becomes an exception of its series, keeps its id and its <c>originalStart</c>.</summary>
    public void MoveOccurrence(string id, DateTimeOffset start)
    {
        lock (_gate)
        {
            var e = _calendarEvents[id];
            _calendarEvents[id] = e with { Type = "exception", Start = start, End = start + (e.End - e.Start) };
            _calendarChanges.Add((++_calendarSeq, id, false));
        }
    }

    /// <summary>Cancels one occurrence as its organizer does: it stays on the calendar with <c>isCancelled</c>.</summary>
    public void CancelOccurrence(string id)
    {
        lock (_gate)
        {
            var e = _calendarEvents[id];
            _calendarEvents[id] = e with { Type = e.Type == "occurrence" ? "exception" : e.Type, IsCancelled = true, Subject = "Canceled: " + e.Subject };
            _calendarChanges.Add((++_calendarSeq, id, false));
        }
    }

    /// <summary>Deletes an event from the calendar: the next round reports it <c>@removed</c>.</summary>
    public void RemoveCalendarEvent(string id)
    {
        lock (_gate)
        {
            _calendarEvents.Remove(id);
            _calendarChanges.Add((++_calendarSeq, id, true));
        }
    }

    private void MapCalendar(WebApplication app, string users)
    {
        app.MapGet(users + "/calendarView/{function}", (HttpContext context, string user, string function) => CalendarDelta(context, user, DefaultCalendarId, function));
        app.MapGet(users + "/calendars/{calendar}/calendarView/{function}", CalendarDelta);
        app.MapGet(users + "/calendars", Calendars);
        app.MapGet(users + "/events/{id}", EventById);
        app.MapGet(users + "/calendars/{calendar}/events/{id}", (HttpContext context, string user, string calendar, string id) => EventById(context, user, id));
    }

    private async Task CalendarDelta(HttpContext context, string user, string calendar, string function)
    {
        bool known;
        lock (_gate)
        {
            known = _calendars.ContainsKey(calendar);
        }

        if (!await Known(context, user))
        {
            return;
        }

        if (function is not ("delta" or "delta()") || !known)
        {
            await Error(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            return;
        }

        LastCalendarPrefer = [.. context.Request.Headers["Prefer"].SelectMany(p => (p ?? "").Split(',')).Select(p => p.Trim())];
        var query = context.Request.Query;
        CalendarSyncState? state;
        lock (_gate)
        {
            if (query.TryGetValue("$skiptoken", out var skip))
            {
                state = CalendarSyncState.Decode(skip!);
            }
            else if (query.TryGetValue("$deltatoken", out var token))
            {
                var previous = CalendarSyncState.Decode(token!);
                state = previous with { After = previous.UpTo, UpTo = _calendarSeq, Initial = false };
            }
            else if (Instant(query["startDateTime"]) is { } start && Instant(query["endDateTime"]) is { } end)
            {
                LastInitialCalendarQuery = context.Request.QueryString.Value;
                state = new CalendarSyncState(_generation, calendar, 0, _calendarSeq, true, start, end);
            }
            else
            {
                state = null;
            }
        }

        if (state is null)
        {
            await Error(context, 400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            return;
        }

        if (state.Generation != _generation || state.Calendar != calendar)
        {
            Bump("gone");
            await Error(context, 410, "SyncStateNotFound", "The sync state generation is not found, was deleted, or has expired; start a new round of synchronization.");
            return;
        }

        var pageSize = PageSize(context.Request.Headers["Prefer"]);
        var zone = LastCalendarPrefer.FirstOrDefault(p => p.StartsWith("outlook.timezone=", StringComparison.OrdinalIgnoreCase)) is { } preferred
            ? preferred["outlook.timezone=".Length..].Trim('"')
            : "UTC";
        List<Dictionary<string, object?>> page;
        string link;
        lock (_gate)
        {
            // Each instance once, as its last change left it; one changed out of the window is gone from the view.
            var changes = _calendarChanges
                .Where(c => c.Seq > state.After && c.Seq <= state.UpTo)
                .GroupBy(c => c.Id)
                .Select(g => g.Last())
                .Select(c => (c.Seq, c.Id, Event: c.Removed ? null : _calendarEvents.GetValueOrDefault(c.Id)))
                .Where(c => c.Event is null || c.Event.CalendarId == calendar)
                .Select(c => (c.Seq, c.Id, InView: c.Event is { Type: not "seriesMaster" } e && e.Start < state.End && e.End > state.Start, c.Event))
                .Where(c => c.InView || !state.Initial)
                .OrderBy(c => c.Seq)
                .Take(pageSize + 1)
                .ToList();
            page = [.. changes.Take(pageSize).Select(c => c.InView ? EventEntry(c.Event!, zone) : RemovedEvent(c.Id))];
            var self = calendar == DefaultCalendarId ? $"{BaseUrl}/users/{user}/calendarView/delta" : $"{BaseUrl}/users/{user}/calendars/{calendar}/calendarView/delta";
            link = changes.Count > pageSize
                ? $"@odata.nextLink|{self}?$skiptoken={(state with { After = changes[pageSize - 1].Seq }).Encode()}"
                : $"@odata.deltaLink|{self}?$deltatoken={(state with { After = state.UpTo }).Encode()}";
        }

        var parts = link.Split('|', 2);
        context.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={pageSize}, outlook.timezone=\"{zone}\"";
        await Json(context, 200, new Dictionary<string, object?>
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#Collection(event)",
            [parts[0]] = parts[1],
            ["value"] = page,
        });
    }

    private async Task Calendars(HttpContext context, string user)
    {
        if (!await Known(context, user))
        {
            return;
        }

        List<Dictionary<string, object?>> calendars;
        lock (_gate)
        {
            calendars = [.. _calendars.Select(c => new Dictionary<string, object?> { ["id"] = c.Key, ["name"] = c.Value, ["isDefaultCalendar"] = c.Key == DefaultCalendarId })];
        }

        await Json(context, 200, new Dictionary<string, object?> { ["@odata.context"] = $"{BaseUrl}/$metadata#users('{user}')/calendars", ["value"] = calendars });
    }

    private async Task EventById(HttpContext context, string user, string id)
    {
        if (!await Known(context, user))
        {
            return;
        }

        CalendarEvent? found;
        lock (_gate)
        {
            found = _calendarEvents.GetValueOrDefault(id);
        }

        if (found is null)
        {
            await Error(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            return;
        }

        var body = EventEntry(found, "UTC");
        body["@odata.context"] = $"{BaseUrl}/$metadata#users('{user}')/events/$entity";
        await Json(context, 200, body);
    }

    private static Dictionary<string, object?> EventEntry(CalendarEvent e, string zone)
    {
        return new Dictionary<string, object?>
        {
            ["@odata.type"] = "#microsoft.graph.event",
            ["@odata.etag"] = $"W/\"DwAAABYAAAC{e.Id[^8..]}\"",
            ["id"] = e.Id,
            ["iCalUId"] = e.ICalUId,
            ["type"] = e.Type,
            ["seriesMasterId"] = e.SeriesMasterId,
            ["originalStart"] = e.OriginalStart?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["originalStartTimeZone"] = EventZone,
            ["originalEndTimeZone"] = EventZone,
            ["subject"] = e.Subject,
            ["categories"] = e.Categories,
            ["isAllDay"] = e.IsAllDay,
            ["isCancelled"] = e.IsCancelled,
            ["start"] = When(e.Start, e.IsAllDay, zone),
            ["end"] = When(e.End, e.IsAllDay, zone),
            ["location"] = new Dictionary<string, object?> { ["displayName"] = e.Location ?? "", ["locationType"] = "default" },
            ["organizer"] = new Dictionary<string, object?> { ["emailAddress"] = new Dictionary<string, object?> { ["name"] = "客服部 王敏", ["address"] = "Wang.Min@HQ.example.com" } },
            ["attendees"] = new[]
            {
                new Dictionary<string, object?> { ["type"] = "required", ["status"] = new Dictionary<string, object?> { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" }, ["emailAddress"] = new Dictionary<string, object?> { ["name"] = "重庆 CRM", ["address"] = "CRM@cq.example.com" } },
                new Dictionary<string, object?> { ["type"] = "optional", ["status"] = new Dictionary<string, object?> { ["response"] = "accepted", ["time"] = "2026-11-02T02:00:00Z" }, ["emailAddress"] = new Dictionary<string, object?> { ["name"] = "客服部", ["address"] = "group.cs@hq.example.com" } },
            },
        };
    }

    // An all-day event is its dates at midnight in any zone; a timed one is its wall clock in the zone asked for.
    private static Dictionary<string, object?> When(DateTimeOffset at, bool allDay, string zone)
    {
        var local = allDay
            ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(EventZone)).DateTime
            : zone == "UTC" ? at.UtcDateTime : TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;
        return new Dictionary<string, object?> { ["dateTime"] = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = zone };
    }

    private static Dictionary<string, object?> RemovedEvent(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.event",
        ["id"] = id,
        ["@removed"] = new Dictionary<string, object?> { ["reason"] = "deleted" },
    };

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>A weekly series as <see cref="AddWeeklySeries"/> made it: its master's id and iCalUId, and its occurrences' ids in order.</summary>
    public sealed record CalendarSeries(string MasterId, string ICalUId, IReadOnlyList<string> OccurrenceIds);

    private sealed record CalendarEvent(
        string Id,
        string CalendarId,
        string ICalUId,
        string Type,
        string? SeriesMasterId,
        DateTimeOffset? OriginalStart,
        DateTimeOffset Start,
        DateTimeOffset End,
        bool IsAllDay,
        string Subject,
        IReadOnlyList<string> Categories,
        string? Location,
        bool IsCancelled);

    /// <summary>A calendar round's position: changes after <see cref="After"/> up to <see cref="UpTo"/>, in its calendar and window.</summary>
    private sealed record CalendarSyncState(int Generation, string Calendar, long After, long UpTo, bool Initial, DateTimeOffset Start, DateTimeOffset End)
    {
        public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(
            '|', Generation, Calendar, After, UpTo, Initial ? 1 : 0, Start.UtcTicks.ToString(CultureInfo.InvariantCulture), End.UtcTicks.ToString(CultureInfo.InvariantCulture))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static CalendarSyncState Decode(string token)
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var p = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            return new CalendarSyncState(
                int.Parse(p[0], CultureInfo.InvariantCulture),
                p[1],
                long.Parse(p[2], CultureInfo.InvariantCulture),
                long.Parse(p[3], CultureInfo.InvariantCulture),
                p[4] == "1",
                new DateTimeOffset(long.Parse(p[5], CultureInfo.InvariantCulture), TimeSpan.Zero),
                new DateTimeOffset(long.Parse(p[6], CultureInfo.InvariantCulture), TimeSpan.Zero));
        }
    }
}
