using MailOps.Compliance.Common;
using MailOps.Worker.Events;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Events;

/// <summary>
/// The shared calendar read into the store's events through the real Graph client against the Graph test server: a
/// weekly 例会 with a unit's category, an all-day site-open window; moves, cancellations and removals follow, and a
/// restart (a new feed given the saved cursor) changes nothing.
/// </summary>
public sealed class CalendarSyncTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly TempFolder _folder = new();
    private readonly List<GraphCalendarFeed> _feeds = [];
    private GraphTestServer _server = null!;
    private GraphTestServer.CalendarSeries _weekly = null!;
    private string _siteOpen = null!;

    public async Task InitializeAsync()
    {
        _server = await GraphTestServer.StartAsync();
        _weekly = _server.AddWeeklySeries("客户关系部周例会", new DateTimeOffset(2026, 11, 2, 9, 30, 0, China), TimeSpan.FromHours(1.5), 6, categories: ["重庆客关"]);
        _siteOpen = _server.AddAllDayEvent("天元府工地开放", new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29), categories: ["长沙公司"]);
        _server.AddEvent("部门午餐", new DateTimeOffset(2026, 11, 25, 12, 0, 0, China), new DateTimeOffset(2026, 11, 25, 13, 0, 0, China));
    }

    public async Task DisposeAsync()
    {
        _feeds.ForEach(f => f.Dispose());
        await _server.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    private CalendarSync Sync()
    {
        var graph = _server.Options();
        var feed = new GraphCalendarFeed(new CalendarFeedOptions { Mailbox = GraphTestServer.Mailbox, PageSize = 3 }, graph, GraphSignIn.For(graph), RegimeZone.Shanghai, _time, NullLogger<GraphCalendarFeed>.Instance);
        _feeds.Add(feed);
        return new CalendarSync(feed, NullLogger.Instance);
    }

    private static InvitationEvents Reader => new(ShippedRegime.Regime, ShippedRegime.EventRules);

    private Task<CalendarSyncCounts> SyncAsync(CalendarSync sync, MailStore store) => sync.SyncAsync(store, Reader, _time.GetUtcNow(), default);

    [Fact]
    public async Task TheCalendarsItems_BecomeEvents_OfTheUnitTheirCategoryNames_AndALunchIsNone()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        var counts = await SyncAsync(Sync(), store);

        var events = store.Events();
        events.Should().HaveCount(7).And.OnlyContain(e => e.Source == EventSource.Calendar && e.LearntAt == _time.GetUtcNow());
        events.Where(e => e.Kind == "crm-meeting").Should().HaveCount(6).And.OnlyContain(e => e.Unit == "cq-crm");
        var window = events.Single(e => e.Kind == "site-open");
        (window.Unit, window.Start, window.End).Should().Be(("cs-crm", new DateTimeOffset(2026, 11, 28, 0, 0, 0, China), new DateTimeOffset(2026, 11, 29, 23, 59, 59, China)));
        counts.Changed.Should().Be(7);
    }

    [Fact]
    public async Task AMoveACancellationAndARemoval_FollowAtTheNextRead_AndARestartChangesNothing()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SyncAsync(Sync(), store);

        _server.MoveOccurrence(_weekly.OccurrenceIds[3], new DateTimeOffset(2026, 11, 24, 14, 0, 0, China));
        _server.CancelOccurrence(_weekly.OccurrenceIds[4]);
        _server.RemoveCalendarEvent(_siteOpen);
        await SyncAsync(Sync(), store);

        var events = store.Events();
        events.Single(e => e.Id.EndsWith("@2026-11-23T0930", StringComparison.Ordinal)).Start.Should().Be(new DateTimeOffset(2026, 11, 24, 14, 0, 0, China), "moved, under the id of the start it was first given");
        events.Single(e => e.Id.EndsWith("@2026-11-30T0930", StringComparison.Ordinal)).IsCancelled.Should().BeTrue();
        events.Single(e => e.Kind == "site-open").IsCancelled.Should().BeTrue("removed from the calendar");

        var before = store.Events().Sum(e => e.History.Count);
        var again = await SyncAsync(Sync(), store);
        store.Events().Sum(e => e.History.Count).Should().Be(before);
        (again.Changed, again.Gone).Should().Be((0, 0));
    }
}
