using MailOps.Compliance.Common;
using MailOps.Worker.Events;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Tests.Graph;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Mailboxes.Graph;

/// <summary>
/// The shared calendar through the real Graph client against the Graph test server: a weekly series with one moved and
/// one cancelled occurrence, an all-day event over three days, in a window of 35 days back and 120 ahead.
/// </summary>
public sealed class GraphCalendarFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly List<GraphCalendarFeed> _feeds = [];
    private GraphTestServer _server = null!;
    private GraphTestServer.CalendarSeries _weekly = null!;
    private string _siteOpen = null!;

    public async Task InitializeAsync()
    {
        _server = await GraphTestServer.StartAsync();
        _weekly = _server.AddWeeklySeries("客服部周例会", new DateTimeOffset(2026, 11, 2, 9, 0, 0, China), TimeSpan.FromHours(1), 6, categories: ["MailOps event"], location: " 总部 3F ");
        _siteOpen = _server.AddAllDayEvent("工地开放 重庆", new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 23), categories: ["MailOps event"]);
        _server.AddEvent("Outside the window", new DateTimeOffset(2026, 9, 1, 9, 0, 0, China), new DateTimeOffset(2026, 9, 1, 10, 0, 0, China));
    }

    public async Task DisposeAsync()
    {
        _feeds.ForEach(f => f.Dispose());
        await _server.DisposeAsync();
    }

    private GraphCalendarFeed Feed(int pageSize = 50, string? calendar = null)
    {
        var options = new CalendarFeedOptions { Mailbox = GraphTestServer.Mailbox, Calendar = calendar, PageSize = pageSize };
        var graph = _server.Options();
        var feed = new GraphCalendarFeed(options, graph, GraphSignIn.For(graph), RegimeZone.Shanghai, _time, NullLogger<GraphCalendarFeed>.Instance);
        _feeds.Add(feed);
        return feed;
    }

    private static async Task<List<CalendarPage>> ReadRound(GraphCalendarFeed feed, string? cursor = null)
    {
        var pages = new List<CalendarPage>();
        do
        {
            pages.Add(await feed.ReadAsync(cursor, default));
            cursor = pages[^1].Cursor;
        }
        while (!pages[^1].IsLast);

        return pages;
    }

    private CalendarFeedItem Occurrence(IEnumerable<CalendarPage> pages, int index) =>
        pages.SelectMany(p => p.Changed).Single(c => c.ItemId == _weekly.OccurrenceIds[index]);

    [Fact]
    public async Task Read_FromNoCursor_ListsEveryInstanceInTheWindow_PageByPage_AsAFullRound()
    {
        var pages = await ReadRound(Feed(pageSize: 2));

        pages.SelectMany(p => p.Changed).Select(c => c.ItemId).Should().BeEquivalentTo([.. _weekly.OccurrenceIds, _siteOpen], "six occurrences and the all-day event; neither the master nor what lies outside the window");
        pages.Should().HaveCount(4).And.OnlyContain(p => p.Changed.Count <= 2 && p.RemovedIds.Count == 0);
        pages.Select(p => p.Restarted).Should().Equal([true, false, false, false]);
        pages[0].Window.Should().Be(new CalendarWindow(new DateTimeOffset(2026, 10, 20, 0, 0, 0, China), new DateTimeOffset(2027, 3, 25, 0, 0, 0, China)), "from the midnight 35 days back to the end of the day 120 days ahead");
        Uri.UnescapeDataString(_server.LastInitialCalendarQuery!).Should().Contain("startDateTime=2026-10-19T16:00:00Z").And.Contain("endDateTime=2027-03-24T16:00:00Z");
        _server.LastCalendarPrefer.Should().Contain("odata.maxpagesize=2").And.Contain("outlook.timezone=\"UTC\"").And.Contain("IdType=\"ImmutableId\"");
    }

    [Fact]
    public async Task Read_AnOccurrence_IsNamedByItsSeriesUidAndItsScheduledStart_InTheRegimeZone()
    {
        var pages = await ReadRound(Feed());

        var second = Occurrence(pages, 1);
        second.Cancelled.Should().BeFalse();
        second.Item.Should().BeEquivalentTo(new
        {
            Uid = _weekly.ICalUId,
            RecurrenceId = (DateTimeOffset?)new DateTimeOffset(2026, 11, 9, 9, 0, 0, China),
            Summary = "客服部周例会",
            Categories = new[] { "MailOps event" },
            Organizer = "wang.min@hq.example.com",
            Attendees = new[] { "crm@cq.example.com", "group.cs@hq.example.com" },
            Start = new DateTimeOffset(2026, 11, 9, 9, 0, 0, China),
            End = new DateTimeOffset(2026, 11, 9, 10, 0, 0, China),
            IsAllDay = false,
            Location = "总部 3F",
        });
        second.Item.Start.Offset.Should().Be(China);
        pages.SelectMany(p => p.Changed).Where(c => c.ItemId != _siteOpen).Select(c => c.Item.Uid).Should().AllBe(_weekly.ICalUId, "every occurrence names the series, not its own iCalUId");
        _server.Count("event").Should().Be(1, "the series master is asked for once");
    }

    [Fact]
    public async Task Read_AnOccurrenceMovedAfterItWasRead_KeepsItsIdAndRecurrenceId_WithItsNewTimes()
    {
        var feed = Feed();
        var before = await ReadRound(feed);

        _server.MoveOccurrence(_weekly.OccurrenceIds[3], new DateTimeOffset(2026, 11, 24, 14, 0, 0, China));
        var after = await ReadRound(feed, before[^1].Cursor);

        var moved = after.SelectMany(p => p.Changed).Should().ContainSingle().Which;
        moved.ItemId.Should().Be(_weekly.OccurrenceIds[3]);
        (moved.Item.Uid, moved.Item.RecurrenceId).Should().Be((Occurrence(before, 3).Item.Uid, Occurrence(before, 3).Item.RecurrenceId));
        moved.Item.RecurrenceId.Should().Be(new DateTimeOffset(2026, 11, 23, 9, 0, 0, China), "the slot it was first scheduled in, as RECURRENCE-ID says");
        (moved.Item.Start, moved.Item.End).Should().Be((new DateTimeOffset(2026, 11, 24, 14, 0, 0, China), new DateTimeOffset(2026, 11, 24, 15, 0, 0, China)));
        after[0].Restarted.Should().BeFalse();
    }

    [Fact]
    public async Task Read_ACancelledOccurrence_IsChangedAndCancelled_StillNamedAsBefore()
    {
        var feed = Feed();
        var before = await ReadRound(feed);

        _server.CancelOccurrence(_weekly.OccurrenceIds[4]);
        var cancelled = (await ReadRound(feed, before[^1].Cursor)).SelectMany(p => p.Changed).Should().ContainSingle().Which;

        cancelled.Cancelled.Should().BeTrue();
        cancelled.Item.RecurrenceId.Should().Be(new DateTimeOffset(2026, 11, 30, 9, 0, 0, China));
        cancelled.Item.Uid.Should().Be(_weekly.ICalUId);
    }

    [Fact]
    public async Task Read_AnAllDayEventOverThreeDays_RunsFromTheRegimeZonesFirstMidnightToTheMidnightAfterItsLastDay()
    {
        var pages = await ReadRound(Feed());

        var siteOpen = pages.SelectMany(p => p.Changed).Single(c => c.ItemId == _siteOpen).Item;
        (siteOpen.IsAllDay, siteOpen.RecurrenceId).Should().Be((true, (DateTimeOffset?)null));
        siteOpen.Start.Should().Be(new DateTimeOffset(2026, 11, 21, 0, 0, 0, China));
        siteOpen.End.Should().Be(new DateTimeOffset(2026, 11, 24, 0, 0, 0, China), "an all-day window's end is the exclusive midnight after its last day");
        siteOpen.Summary.Should().Be("工地开放 重庆");
    }

    [Fact]
    public async Task Read_AnEventDeleted_IsReportedByItsIdAmongTheRemoved()
    {
        var feed = Feed();
        var before = await ReadRound(feed);

        _server.RemoveCalendarEvent(_siteOpen);
        var after = await ReadRound(feed, before[^1].Cursor);

        after.SelectMany(p => p.RemovedIds).Should().Equal(_siteOpen);
        after.SelectMany(p => p.Changed).Should().BeEmpty();
    }

    [Fact]
    public async Task Read_ALinkGraphHasForgotten_StartsAFullRoundAgain_MarkedRestarted()
    {
        var feed = Feed(pageSize: 3);
        var before = await ReadRound(feed);
        _server.ForgetSyncStates();

        var again = await ReadRound(feed, before[^1].Cursor);

        _server.Count("gone").Should().Be(1, "the saved link was answered 410 SyncStateNotFound once");
        again[0].Restarted.Should().BeTrue("the caller reconciles: what this round does not list is gone");
        again.Skip(1).Should().OnlyContain(p => !p.Restarted);
        again.SelectMany(p => p.Changed).Select(c => c.ItemId).Should().BeEquivalentTo([.. _weekly.OccurrenceIds, _siteOpen]);
    }

    [Fact]
    public async Task Read_ByANewFeedGivenTheSavedCursor_GoesOnFromIt_AndSeesOnlyLaterChanges()
    {
        var saved = (await ReadRound(Feed()))[^1].Cursor;
        var later = _server.AddEvent("交付评审会", new DateTimeOffset(2026, 12, 3, 14, 0, 0, China), new DateTimeOffset(2026, 12, 3, 16, 0, 0, China));

        var next = await ReadRound(Feed(), saved);

        next.SelectMany(p => p.Changed).Select(c => c.ItemId).Should().Equal(later);
        next.Should().OnlyContain(p => !p.Restarted);
        _server.Count("gone").Should().Be(0);
    }

    [Fact]
    public async Task Read_MidRound_ANewFeedGivenThePageCursor_ListsTheRestOfTheRound()
    {
        var first = await Feed(pageSize: 3).ReadAsync(null, default);

        var rest = await ReadRound(Feed(pageSize: 3), first.Cursor);

        first.IsLast.Should().BeFalse();
        first.Changed.Concat(rest.SelectMany(p => p.Changed)).Select(c => c.ItemId).Should().BeEquivalentTo([.. _weekly.OccurrenceIds, _siteOpen]).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Read_OnceTheRegimeZonesDateTurns_StartsAFullRoundInTheWindowMovedOnADay()
    {
        var feed = Feed();
        var caughtUp = (await ReadRound(feed))[^1];

        _time.Advance(TimeSpan.FromHours(13));
        var lateEvening = await feed.ReadAsync(caughtUp.Cursor, default);
        _time.Advance(TimeSpan.FromHours(1));
        var midnight = await feed.ReadAsync(lateEvening.Cursor, default);

        (lateEvening.Restarted, lateEvening.Window).Should().Be((false, caughtUp.Window), "23:00 in Shanghai: still the window's day");
        midnight.Restarted.Should().BeTrue("00:00 in Shanghai: the window moves on a day");
        midnight.Window.Should().Be(new CalendarWindow(caughtUp.Window.Start.AddDays(1), caughtUp.Window.End.AddDays(1)));
        Uri.UnescapeDataString(_server.LastInitialCalendarQuery!).Should().Contain("startDateTime=2026-10-20T16:00:00Z").And.Contain("endDateTime=2027-03-25T16:00:00Z");
    }

    [Fact]
    public async Task Read_ANamedCalendar_IsFoundByName_AndReadAlone()
    {
        var projects = _server.AddCalendar("Project events");
        var launch = _server.AddEvent("开盘", new DateTimeOffset(2026, 12, 12, 10, 0, 0, China), new DateTimeOffset(2026, 12, 12, 12, 0, 0, China), calendarId: projects);
        var review = _server.AddWeeklySeries("项目周会", new DateTimeOffset(2026, 12, 1, 15, 0, 0, China), TimeSpan.FromHours(1), 2, calendarId: projects);

        var pages = await ReadRound(Feed(calendar: "project EVENTS"));

        pages.SelectMany(p => p.Changed).Select(c => c.ItemId).Should().Equal([launch, .. review.OccurrenceIds]);
        pages.SelectMany(p => p.Changed).Where(c => c.ItemId != launch).Should().OnlyContain(c => c.Item.Uid == review.ICalUId, "the series is asked for in its own calendar");
        Feed(calendar: "Project events").CursorKey.Should().Be($"GraphCalendar:{GraphTestServer.Mailbox}/Project events").And.NotBe(Feed().CursorKey);
    }

    [Fact]
    public async Task Read_ACalendarNameTheMailboxDoesNotHave_IsRefusedNamingTheKeyAndItsCalendars()
    {
        _server.AddCalendar("Project events");

        var act = () => Feed(calendar: "Projects").ReadAsync(null, default);

        (await act.Should().ThrowAsync<MailboxAccessException>()).Which.Message.Should()
            .StartWith($"MailOps:Events:Calendar:Calendar \"Projects\": {GraphTestServer.Mailbox} has no calendar of that name")
            .And.Contain("\"Calendar\", \"Project events\"");
    }

    [Fact]
    public async Task Read_RefusedByGraph_SaysToGrantCalendarsReadOnThatMailbox()
    {
        _server.Refuse = (403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

        var act = () => Feed().ReadAsync(null, default);

        (await act.Should().ThrowAsync<MailboxAccessException>()).Which.Message.Should()
            .Contain("Calendars.Read").And.Contain("-Role \"Application Calendars.Read\" -CustomResourceScope 'MailOps calendar'")
            .And.Contain($"PrimarySmtpAddress -eq '{GraphTestServer.Mailbox}'");
    }
}
