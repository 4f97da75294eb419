using MailOps.Compliance.Events;
using MailOps.Worker.Store;

namespace MailOps.Worker.Tests.Store;

public sealed class EventVersionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));

    private static ProjectEvent Meeting(DateTimeOffset start) => new("ical:uid@2026-11-23T0930", "cq-crm", "", EventKinds.CrmMeeting, start, start.AddHours(1.5), "周例会", Now);

    private const string Organizer = "wu.tingting@cq.example.com";

    private static EventDeclaration Invited(DateTimeOffset start, int sequence, string organizer = Organizer) => new(Meeting(start), EventSource.Invitation, "<m@cq.example.com>", organizer, sequence, organizer);

    private static EventCancellation Cancelled(EventSource source, int sequence = 0, string? organizer = Organizer) => new("ical:uid@2026-11-23T0930", source, "ref", "someone", "not held", sequence, source == EventSource.Invitation ? organizer : null);

    private static StoredEvent Declared()
    {
        EventVersions.Declare(null, Invited(Monday, 0), Now, out var stored);
        return stored;
    }

    [Fact]
    public void Declare_ANewEvent_KeepsWhenItWasLearntAndOneChange()
    {
        var change = EventVersions.Declare(null, Invited(Monday, 0), Now, out var stored);

        change.Should().Be(EventChangeKind.Declared);
        (stored.LearntAt, stored.RecordedAt, stored.Source).Should().Be((Now, Now, EventSource.Invitation));
        stored.History.Should().ContainSingle().Which.Change.Should().Be(EventChangeKind.Declared);
    }

    [Fact]
    public void Declare_TheSameVersionAgain_ChangesNothing()
    {
        var stored = Declared();

        EventVersions.Declare(stored, Invited(Monday, 0), Now.AddHours(1), out _).Should().Be(EventChangeKind.Unchanged);
        stored.History.Should().HaveCount(1, "a page read again after a restart is not a change");
    }

    [Fact]
    public void Declare_ANewTime_MovesIt_AndSaysWhereItWas()
    {
        var stored = Declared();

        EventVersions.Declare(stored, Invited(Monday.AddDays(1), 1), Now.AddHours(1), out _).Should().Be(EventChangeKind.Moved);

        stored.Start.Should().Be(Monday.AddDays(1));
        stored.History[^1].Detail.Should().Contain("2026-11-23T09:30");
        stored.LearntAt.Should().Be(Now, "a move does not make it learnt later");
    }

    [Fact]
    public void Declare_AnOlderSequence_IsIgnored()
    {
        var stored = Declared();
        EventVersions.Declare(stored, Invited(Monday.AddDays(1), 2), Now, out _);

        EventVersions.Declare(stored, Invited(Monday, 1), Now, out _).Should().Be(EventChangeKind.Unchanged);
        stored.Start.Should().Be(Monday.AddDays(1));
    }

    [Fact]
    public void Cancel_KeepsTheEvent_WithWhoAndWhy()
    {
        var stored = Declared();

        EventVersions.Cancel(stored, Cancelled(EventSource.Person), Now).Should().Be(EventChangeKind.Cancelled);

        (stored.IsCancelled, stored.CancelledBy, stored.CancelReason, stored.CancelledSource).Should().Be((true, "someone", "not held", EventSource.Person));
        EventVersions.Cancel(stored, Cancelled(EventSource.Person), Now).Should().Be(EventChangeKind.Unchanged, "the first cancellation stands");
    }

    [Fact]
    public void APersonsCancellation_IsNotUndoneByTheSameInvitationReadAgain_ButByAPerson()
    {
        var stored = Declared();
        EventVersions.Cancel(stored, Cancelled(EventSource.Person), Now);

        EventVersions.Declare(stored, Invited(Monday, 0), Now, out _).Should().Be(EventChangeKind.Unchanged);
        EventVersions.Declare(stored, Invited(Monday, 5), Now, out _).Should().Be(EventChangeKind.Unchanged, "only the kind of source that cancelled it declares it again");
        EventVersions.Declare(stored, new EventDeclaration(Meeting(Monday), EventSource.Person, "hq", "hq"), Now, out _).Should().Be(EventChangeKind.Restored);
        stored.IsCancelled.Should().BeFalse();
    }

    [Fact]
    public void AnInvitationsCancellation_IsUndoneOnlyByANewerVersion()
    {
        var stored = Declared();
        EventVersions.Cancel(stored, Cancelled(EventSource.Invitation, sequence: 1), Now).Should().Be(EventChangeKind.Cancelled);

        EventVersions.Declare(stored, Invited(Monday, 1), Now, out _).Should().Be(EventChangeKind.Unchanged);
        EventVersions.Declare(stored, Invited(Monday, 2), Now, out _).Should().Be(EventChangeKind.Restored);
    }

    [Fact]
    public void AnOlderCancellation_OfANewerVersion_IsIgnored()
    {
        var stored = Declared();
        EventVersions.Declare(stored, Invited(Monday.AddDays(1), 3), Now, out _);

        EventVersions.Cancel(stored, Cancelled(EventSource.Invitation, sequence: 2), Now).Should().Be(EventChangeKind.Unchanged);
    }

    [Fact]
    public void AnInvitationFromAnotherOrganizer_NeitherMovesNorCancelsTheEvent()
    {
        var stored = Declared();

        EventVersions.Declare(stored, Invited(Monday.AddDays(1), 99, organizer: "zhou.min@hq.example.com"), Now, out _).Should().Be(EventChangeKind.Unchanged);
        EventVersions.Cancel(stored, Cancelled(EventSource.Invitation, sequence: 99, organizer: "zhou.min@hq.example.com"), Now).Should().Be(EventChangeKind.Unchanged);

        (stored.Start, stored.Sequence, stored.IsCancelled).Should().Be((Monday, 0, false), "a UID someone else knows gives them no hold on the event, nor a sequence that pins it");
    }

    [Fact]
    public void TheCalendar_RestoresWhatItCancelled_AndMovesAnEventAnInvitationDeclared()
    {
        var stored = Declared();
        EventVersions.Declare(stored, Invited(Monday, 3), Now, out _);
        var fromCalendar = new EventDeclaration(Meeting(Monday.AddDays(1)), EventSource.Calendar, "AAMk-item", "calendar");

        EventVersions.Declare(stored, fromCalendar, Now, out _).Should().Be(EventChangeKind.Moved, "the calendar states the event as it now is, with no sequence of its own");
        EventVersions.Cancel(stored, Cancelled(EventSource.Calendar), Now).Should().Be(EventChangeKind.Cancelled);
        EventVersions.Declare(stored, fromCalendar, Now, out _).Should().Be(EventChangeKind.Restored, "an item back in the calendar is back");
    }
}

public sealed class StoredEventsTests : IDisposable
{
    private readonly Support.TempFolder _folder = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ApplyEvents_KeepsEventsWithTheirHistory_AcrossAReopen_AndAuditsEachChange()
    {
        var start = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));
        var meeting = new ProjectEvent("ical:uid@2026-11-23T0930", "cq-crm", "", EventKinds.CrmMeeting, start, start.AddHours(1), "周例会", _time.GetUtcNow());
        using (var store = MailStore.Open(_folder["mailops.db"], _time))
        {
            store.ApplyEvents([new EventDeclaration(meeting, EventSource.Invitation, "<m@cq>", "wu", 0)], [])
                .Should().Equal(EventChangeKind.Declared);
            store.ApplyEvents([new EventDeclaration(meeting with { Start = start.AddDays(1), End = start.AddDays(1).AddHours(1) }, EventSource.Invitation, "<m2@cq>", "wu", 1)], [new EventCancellation("ical:nothing", EventSource.Person, "hq", "hq", "x")])
                .Should().Equal(EventChangeKind.Moved, EventChangeKind.Unchanged);
        }

        using var reopened = MailStore.Open(_folder["mailops.db"], _time);
        var held = reopened.Events().Should().ContainSingle().Subject;
        (held.Start, held.Source, held.SourceRef, held.Sequence, held.LearntAt).Should().Be((start.AddDays(1), EventSource.Invitation, "<m2@cq>", 1, _time.GetUtcNow()));
        held.History.Select(h => h.Change).Should().Equal(EventChangeKind.Declared, EventChangeKind.Moved);
        reopened.EventsOfItem("ical:uid").Should().ContainSingle();
        var asHeld = MailOps.Worker.Events.LiveEvents.ToProjectEvent(held);
        reopened.ApplyEvents([new EventDeclaration(asHeld, EventSource.Invitation, "<m4@cq>", "wu", 7)], []).Should().Equal(EventChangeKind.Unchanged);
        reopened.Event("ical:uid@2026-11-23T0930")!.Sequence.Should().Be(7, "a newer version that changes nothing is kept as the version to beat");
        reopened.ApplyEvents([new EventDeclaration(asHeld with { Start = start, End = start.AddHours(1) }, EventSource.Invitation, "<m5@cq>", "wu", 4)], []).Should().Equal([EventChangeKind.Unchanged], "an older version replayed moves nothing back");
        reopened.ApplyEvents([new EventDeclaration(meeting with { Id = "ical:uid@hq.example@2026-11-23T0930" }, EventSource.Invitation, "<m3@hq>", "zhou", 0)], []);
        reopened.EventsOfItem("ical:uid").Select(e => e.Id).Should().Equal(["ical:uid@2026-11-23T0930"], "a UID holding '@' is another item, not an occurrence of this one");
        reopened.Audit().Select(a => a.Action).Should().Contain(["event-declared", "event-moved"]);
    }
}
