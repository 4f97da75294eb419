using MailOps.Compliance.Common;
using MailOps.Worker.Mailboxes.Graph;
using Microsoft.Graph.Models;

namespace MailOps.Worker.Tests.Mailboxes.Graph;

/// <summary>One Graph event's start and end, in whatever zone Graph wrote them, as instants in the regime zone.</summary>
public sealed class GraphCalendarItemsTests
{
    private static readonly DateTimeOffset NineInShanghai = new(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("UTC, as asked for", "2026-11-09T01:00:00.0000000", "UTC")]
    [InlineData("no zone: UTC", "2026-11-09T01:00:00.0000000", null)]
    [InlineData("a Windows zone name", "2026-11-09T09:00:00.0000000", "China Standard Time")]
    [InlineData("an IANA zone name", "2026-11-08T20:00:00.0000000", "America/New_York")]
    [InlineData("a Windows zone with its own daylight saving", "2026-11-08T20:00:00.0000000", "Eastern Standard Time")]
    public void Of_ATimedEvent_InAnyZone_IsTheSameInstantInTheRegimeZone(string label, string wall, string? zone)
    {
        var item = GraphCalendarItems.Of(Timed(wall, zone), null, RegimeZone.Shanghai);

        item!.Start.Should().Be(NineInShanghai, label);
        item.Start.Offset.Should().Be(TimeSpan.FromHours(8), label);
        item.End.Should().Be(NineInShanghai.AddHours(1), label);
    }

    [Fact]
    public void Of_ATimeZoneThisMachineDoesNotKnow_IsNoItem()
    {
        GraphCalendarItems.Of(Timed("2026-11-09T09:00:00.0000000", "Middle Earth Standard Time"), null, RegimeZone.Shanghai).Should().BeNull();
    }

    [Fact]
    public void Of_AnAllDayEvent_IsItsDatesAtTheRegimeZonesMidnights_WhateverZoneGraphNamed()
    {
        var e = new Event
        {
            Id = "a",
            ICalUId = "uid-a",
            IsAllDay = true,
            Type = EventType.SingleInstance,
            Start = new DateTimeTimeZone { DateTime = "2026-11-21T00:00:00.0000000", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-11-24T00:00:00.0000000", TimeZone = "UTC" },
        };

        var item = GraphCalendarItems.Of(e, null, RegimeZone.Shanghai)!;

        (item.Start, item.End).Should().Be((new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Of_AnOccurrenceWithoutItsSeriesUid_FallsBackToItsOwn()
    {
        var e = Timed("2026-11-09T01:00:00.0000000", "UTC");
        (e.Type, e.SeriesMasterId, e.OriginalStart) = (EventType.Occurrence, "master", NineInShanghai);

        var item = GraphCalendarItems.Of(e, null, RegimeZone.Shanghai)!;

        (item.Uid, item.RecurrenceId).Should().Be(("uid-t", (DateTimeOffset?)NineInShanghai));
    }

    private static Event Timed(string wall, string? zone) => new()
    {
        Id = "t",
        ICalUId = "uid-t",
        Type = EventType.SingleInstance,
        Subject = "例会",
        Start = new DateTimeTimeZone { DateTime = wall, TimeZone = zone },
        End = new DateTimeTimeZone { DateTime = DateTime.Parse(wall, System.Globalization.CultureInfo.InvariantCulture).AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), TimeZone = zone },
    };
}
