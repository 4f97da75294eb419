using MailOps.Compliance.Events;
using MailOps.Worker.Events;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Events;

/// <summary>
/// The running worker's beat with the store's events: the events file imported and re-read when it changes, invitations
/// read from the mailbox, people's declarations; each change owes (or stops owing) its reports at the next beat.
/// </summary>
public sealed class LiveEventsTests : IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, China));

    public LiveEventsTests()
    {
        Directory.CreateDirectory(_folder["inbox"]);
        Directory.CreateDirectory(_folder["outbox"]);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "events.json"), EventsFile);
    }

    private string EventsFile => _folder["events.json"];

    public void Dispose() => _folder.Dispose();

    private PulseHarness Start() => PulseHarness.Start(
        _folder["mailops.db"], _time, new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), eventsFile: EventsFile);

    private void Drop(string corpusName)
    {
        var path = Path.Combine(_folder["inbox"], corpusName + ".eml");
        File.WriteAllBytes(path, ShippedRegime.DeliveredInternally(corpusName));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    private static IEnumerable<string> EventsOwed(PulseReport report) => report.Snapshot.Results.Select(r => r.Obligation.EventId).OfType<string>().Distinct();

    [Fact]
    public async Task TheEventsFile_IsImportedIntoTheStore_AndAnEventTakenOutOfIt_OwesNothingAtTheNextBeat()
    {
        using var worker = Start();
        var first = await worker.BeatAsync();
        EventsOwed(first).Should().Contain("cq-2026-11-joint-drawing-review");
        worker.Store.Events().Should().Contain(e => e.Id == "cq-2026-11-joint-drawing-review" && e.Source == EventSource.File && e.LearntAt == null);

        var text = File.ReadAllText(EventsFile);
        var start = text.IndexOf("\"id\": \"cq-2026-11-joint-drawing-review\"", StringComparison.Ordinal);
        var open = text.LastIndexOf('{', start);
        var close = text.IndexOf('}', start) + 1;
        File.WriteAllText(EventsFile, text[..open] + text[(close + 1)..].TrimStart());
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await worker.BeatAsync();

        EventsOwed(second).Should().NotContain("cq-2026-11-joint-drawing-review", "the file changed and was read again, without a restart");
        var gone = worker.Store.Event("cq-2026-11-joint-drawing-review")!;
        (gone.IsCancelled, gone.CancelledSource).Should().Be((true, EventSource.File));
    }

    [Fact]
    public async Task AnInvitationInTheMailbox_OwesItsReportsAtTheNextBeat_AndTheDigestListsIt()
    {
        Drop("001-outlook-single");
        using var worker = Start();

        var report = await worker.BeatAsync();

        var review = worker.Store.Events().Single(e => e.Source == EventSource.Invitation);
        EventsOwed(report).Should().Contain(review.Id);
        var digest = Directory.GetFiles(_folder["outbox"], "*.eml").Select(f => MimeMessage.Load(f)).First(m => m.Subject?.Contains("报送日报", StringComparison.Ordinal) == true);
        digest.HtmlBody.Should().Contain("事件变化").And.Contain("联合审图").And.Contain("会议邀请");
        digest.TextBody.Should().Contain("新获知");
    }

    [Fact]
    public async Task AnEventDeclaredAfterItsReportFellDue_IsOwedFromTheNextWorkingDay_AndTheDigestSaysSo()
    {
        using var worker = Start();
        await worker.BeatAsync();
        var since = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(1));
        var held = new DateTimeOffset(2026, 11, 19, 10, 0, 0, China);

        var declared = PersonEvents.Declare(worker.Store, new EventRequest("wx-crm-2026-11-19-complaint-hot", EventKinds.HotComplaint, "wx-crm", "", held, held, "业主群聊投诉", _time.GetUtcNow()), "zhang.hq");
        _time.Advance(TimeSpan.FromMinutes(1));
        var report = await worker.BeatAsync();

        var owed = report.Snapshot.Results.Where(r => r.Obligation.EventId == declared.Id).Select(r => r.Obligation).ToList();
        owed.Should().NotBeEmpty().And.OnlyContain(o => o.LearntLate == declared.LearntAt);
        owed.Should().OnlyContain(o => o.Due > _time.GetUtcNow(), "a unit cannot be late for what nobody knew");
        owed.Min(o => o.Due).Date.Should().Be(new DateTime(2026, 11, 25), "the working day after the day it was learnt");
        var views = worker.Notifier.LearntEvents(worker.Store, since);
        views.Should().ContainSingle().Which.LearntLate.Should().Contain("截止顺延至 2026-11-25");
    }

    [Fact]
    public async Task ACancelledEvent_OwesNothing_AndTheDigestSaysWhatIsNoLongerOwed()
    {
        using var worker = Start();
        var before = await worker.BeatAsync();
        EventsOwed(before).Should().Contain("cd-2026-11-showflat-opening");
        var since = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(1));

        PersonEvents.Cancel(worker.Store, "cd-2026-11-showflat-opening", "zhang.hq", "开放延期到明年");
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await worker.BeatAsync();

        EventsOwed(after).Should().NotContain("cd-2026-11-showflat-opening");
        var view = worker.Notifier.LearntEvents(worker.Store, since).Should().ContainSingle().Subject;
        (view.Change, view.Reports).Should().Match<(string Change, string Reports)>(v => v.Change == "已取消" && v.Reports.StartsWith("不再应报", StringComparison.Ordinal));
        var audit = worker.Store.Audit().Should().Contain(a => a.Action == "event-cancelled" && a.Actor == "zhang.hq").Subject;
        audit.Target.Should().Be("cd-2026-11-showflat-opening");
    }

    [Fact]
    public async Task AnEventsFileBrokenByAnEdit_IsNotImported_AndTheEventsImportedBeforeStayUntilItIsMended()
    {
        using var worker = Start();
        await worker.BeatAsync();
        var before = worker.Store.Events().Count(e => !e.IsCancelled);
        var good = File.ReadAllText(EventsFile);

        File.WriteAllText(EventsFile, good.Replace("\"kind\": \"crm-meeting\"", "\"kind\": \"crm-meetting\"", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromMinutes(1));
        var broken = await worker.BeatAsync();

        worker.Store.Events().Count(e => !e.IsCancelled).Should().Be(before, "a fault in the file cancels nothing already known");
        EventsOwed(broken).Should().Contain("cq-2026-11-02-crm-meeting");

        File.WriteAllText(EventsFile, good.Replace("\"note\": \"客户关系部部门例会\"", "\"note\": \"部门例会（改）\"", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromMinutes(1));
        await worker.BeatAsync();
        worker.Store.Event("cq-2026-11-02-crm-meeting")!.Note.Should().Be("部门例会（改）", "the mended file is imported at the next beat");
    }
}
