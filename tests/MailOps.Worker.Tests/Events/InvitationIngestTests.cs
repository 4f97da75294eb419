using MailOps.Parsing;
using MailOps.Worker.Events;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Events;

/// <summary>Invitations reaching the watched mailbox, read by the ingest into the store's events (the corpus of the parsing tests).</summary>
public sealed class InvitationIngestTests : IDisposable
{
    private const string Weekly = "002-outlook-weekly-with-exceptions";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private void Drop(string file, string corpusName)
    {
        Directory.CreateDirectory(_folder["inbox"]);
        var path = Path.Combine(_folder["inbox"], file);
        File.WriteAllBytes(path, ShippedRegime.DeliveredInternally(corpusName));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)); // settled, for the folder mailbox
    }

    private FolderMailbox Mailbox() => new(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], PageSize = 3 }, _time);

    private static Ingestor Ingestor(IMailbox mailbox, MailStore store) =>
        new(mailbox, store, ShippedRegime.Parser, invitations: new InvitationEvents(ShippedRegime.Regime, ShippedRegime.EventRules));

    [Fact]
    public async Task AWeeklyMeetingRequest_DeclaresOneEventPerOccurrence_AndIsNoReport()
    {
        Drop("1.eml", Weekly);
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        await Ingestor(Mailbox(), store).IngestAsync(default);

        var events = store.Events();
        events.Should().NotBeEmpty().And.OnlyContain(e => e.Kind == "crm-meeting" && e.Unit == "cq-crm" && e.Source == EventSource.Invitation && !e.IsCancelled);
        events.Select(e => e.Id).Should().OnlyHaveUniqueItems().And.Contain(id => id.EndsWith("@2026-11-23T0930", StringComparison.Ordinal), "the moved occurrence keeps the id of the start it was first given");
        var moved = events.Single(e => e.Id.EndsWith("@2026-11-23T0930", StringComparison.Ordinal));
        moved.Start.Should().Be(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.FromHours(8)));
        events.Should().OnlyContain(e => e.LearntAt == store.AllOutcomes()[0].Received, "an invitation is learnt when it arrived");
        var outcome = store.AllOutcomes().Should().ContainSingle().Subject;
        (outcome.Matched, outcome.Reason).Should().Be((false, NonMatchReason.Invitation));
        NonMatchReasons.Disposition(outcome.Reason!.Value).Should().Be(NonMatchDisposition.Quiet);
    }

    [Fact]
    public async Task ACancelledOccurrence_CancelsThatEventOnly_AndReadingItAllAgainChangesNothing()
    {
        Drop("1.eml", Weekly);
        Drop("2.eml", "003-outlook-cancel-one-occurrence");
        using (var store = MailStore.Open(_folder["mailops.db"], _time))
        {
            await Ingestor(Mailbox(), store).IngestAsync(default);
            store.Events().Where(e => e.IsCancelled).Select(e => e.Id).Should().ContainSingle().Which.Should().EndWith("@2026-11-30T0930");
            store.ClearCursor(MailOps.Worker.Ingest.Ingestor.CursorKeyOf(Mailbox()));
        }

        // A restart that reads the mailbox from the start (a resync): nothing stored twice, nothing changed.
        using var reopened = MailStore.Open(_folder["mailops.db"], _time);
        var before = reopened.Events().Sum(e => e.History.Count);
        await Ingestor(Mailbox(), reopened).IngestAsync(default);
        reopened.Events().Sum(e => e.History.Count).Should().Be(before);
        reopened.Events().Count(e => e.IsCancelled).Should().Be(1);
    }

    [Fact]
    public async Task AnUpdate_MovesTheEvent_AndACancellation_CancelsIt()
    {
        Drop("1.eml", "001-outlook-single");
        Drop("2.eml", "004-outlook-updated");
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await Ingestor(Mailbox(), store).IngestAsync(default);

        var review = store.Events().Should().ContainSingle().Subject;
        review.Start.Should().Be(new DateTimeOffset(2026, 11, 11, 14, 0, 0, TimeSpan.FromHours(8)));
        review.History.Select(h => h.Change).Should().Equal(EventChangeKind.Declared, EventChangeKind.Moved);

        Drop("3.eml", "005-outlook-cancelled");
        await Ingestor(Mailbox(), store).IngestAsync(default);
        store.Events().Single().IsCancelled.Should().BeTrue();
    }

    [Fact]
    public async Task AnEventThatCannotBePlaced_GoesToTriage_AndAnOrdinaryMeetingIsQuiet()
    {
        Drop("1.eml", "015-owa-unplaceable");
        Drop("2.eml", "012-outlook-lunch-ordinary");
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await Ingestor(Mailbox(), store).IngestAsync(default);

        store.Events().Should().BeEmpty();
        var reasons = store.AllOutcomes().Select(o => o.Reason).ToList();
        reasons.Should().BeEquivalentTo(new NonMatchReason?[] { NonMatchReason.EventUnplaced, NonMatchReason.Invitation });
        var unplaced = store.AllOutcomes().Single(o => o.Reason == NonMatchReason.EventUnplaced);
        NonMatchReasons.Disposition(NonMatchReason.EventUnplaced).Should().Be(NonMatchDisposition.Triage);
        unplaced.ReasonDetail.Should().Contain("customer-activity");
    }

    [Fact]
    public async Task AnInvitationFromAnInternalSenderTheTenantDoesNotVouchFor_ChangesNoEvent_AndIsHeldForAPerson()
    {
        // As it would arrive forged from outside: the corpus message without Exchange's internal stamp.
        Directory.CreateDirectory(_folder["inbox"]);
        var path = Path.Combine(_folder["inbox"], "1.eml");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes("X-MS-Exchange-Organization-AuthAs: Anonymous\r\n"), .. File.ReadAllBytes(ShippedRegime.InvitationCorpus(Weekly))]);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        await Ingestor(Mailbox(), store).IngestAsync(default);

        store.Events().Should().BeEmpty("a forged invitation declares nothing");
        var held = store.AllOutcomes().Should().ContainSingle().Subject;
        held.Reason.Should().Be(NonMatchReason.EventUnplaced);
        held.ReasonDetail.Should().StartWith("会议邀请未采用").And.Contain("Anonymous");
    }

    [Fact]
    public async Task ACancellationFromSomeoneOtherThanTheOrganizer_CancelsNothing()
    {
        Drop("1.eml", Weekly);
        Directory.CreateDirectory(_folder["inbox"]);
        var cancel = System.Text.Encoding.UTF8.GetString(ShippedRegime.DeliveredInternally("003-outlook-cancel-one-occurrence"));
        var from = cancel[cancel.IndexOf("\nFrom:", StringComparison.Ordinal)..];
        from = from[1..from.IndexOf('\n', 1)];
        var path = Path.Combine(_folder["inbox"], "2.eml");
        File.WriteAllText(path, cancel.Replace(from, "From: ma.chao@cq.example.com", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        await Ingestor(Mailbox(), store).IngestAsync(default);

        store.Events().Should().NotBeEmpty().And.OnlyContain(e => !e.IsCancelled);
        store.AllOutcomes().Should().Contain(o => o.Reason == NonMatchReason.EventUnplaced && o.ReasonDetail!.Contains("不是会议组织者"));
    }

    [Fact]
    public async Task AnInvitationThatExpandsToAFlood_DeclaresNothing_AndIsHeldForAPerson()
    {
        // A daily 例会 for three years from its organizer: some 590 occurrences in the window, past the cap of one message.
        var calendar = string.Join("\r\n",
            "BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
            "BEGIN:VEVENT", "ORGANIZER:mailto:zhang.wei@cq.example.com", "SUMMARY:重庆客户关系部部门例会",
            "DTSTART;TZID=China Standard Time:20260601T093000", "DTEND;TZID=China Standard Time:20260601T100000",
            "RRULE:FREQ=DAILY;COUNT=1100", "UID:flood-1", "SEQUENCE:0", "END:VEVENT", "END:VCALENDAR", "");
        Eml.Drop(_folder["inbox"], "1.eml", string.Join("\r\n",
            "X-MS-Exchange-Organization-AuthAs: Internal", "From: zhang.wei@cq.example.com", "To: cs-dl@hq.example.com",
            "Subject: =?utf-8?B?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("重庆客户关系部部门例会")) + "?=",
            "Date: Mon, 23 Nov 2026 09:00:00 +0800", "Message-ID: <flood-1@cq.example.com>", "X-Received-At: 2026-11-23T09:00:00+08:00",
            "MIME-Version: 1.0", "Content-Type: text/calendar; charset=utf-8; method=REQUEST", "", calendar));
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        await Ingestor(Mailbox(), store).IngestAsync(default);

        store.Events().Should().BeEmpty("a flood is applied not at all, never in part");
        var held = store.AllOutcomes().Should().ContainSingle().Subject;
        (held.Reason, held.ReasonDetail).Should().Match<(NonMatchReason? Reason, string? Detail)>(h => h.Reason == NonMatchReason.EventUnplaced && h.Detail!.Contains("超过上限 500"));
    }
}
