using System.Globalization;
using MailOps.Worker.Hosting;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Running;

/// <summary>
/// The hosted worker on a fake clock through December, reading mail and the shared calendar through the real Graph
/// client against the Graph test server: Wuxi's CRM department invites its weekly meeting, then moves one occurrence
/// and cancels another; an opening is put in the shared calendar and later cancelled. Obligations, nudges and the
/// digest follow each change, and every run of the worker is a restart that changes nothing already known.
/// </summary>
public sealed class EventsMonthTests : IAsyncLifetime, IDisposable
{
    private const string Uid = "040000008200E00074C5B7101A82E00800000000WX0CRMWEEKLY";
    private const string Organizer = "bai.lu@wx.example.com";
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TempFolder _folder = new();
    private GraphTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private static DateTimeOffset At(string local) => new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Shanghai);

    [Fact]
    public async Task AMonthOfInvitationsAndCalendarChanges_MovesTheObligationsNudgesAndDigestWithThem()
    {
        // 12-01: the weekly meeting is invited (four Mondays from 12-07), and the opening is put in the shared calendar.
        _server.Deliver(Invitation("2026-12-01T08:10:00+08:00", "REQUEST", 0, "RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO", "20261207T093000", "20261207T110000", recurrenceId: null));
        var opening = _server.AddEvent("示例·太湖院二期开盘", At("2026-12-19 10:00"), At("2026-12-19 12:00"), categories: ["无锡公司"]);
        await RunAsync("2026-12-01 08:30", "2026-12-01 09:30");

        var meetings = Events(e => e.Kind == "crm-meeting" && e.Unit == "wx-crm");
        meetings.Should().HaveCount(4).And.OnlyContain(e => e.Source == EventSource.Invitation && !e.IsCancelled);
        Events(e => e.Kind == "sales-opening" && e.Unit == "wx-crm").Should().ContainSingle().Which.Source.Should().Be(EventSource.Calendar);
        var firstDigest = DigestText("2026-12-01");
        firstDigest.Should().Contain("== 事件变化").And.Contain("例会").And.Contain("开盘").And.Contain("客户关系部部门例会会议纪要 截止 2026-12-08 11:00");

        // 12-02: the 12-14 meeting moves to Tuesday 12-15 14:00, and the 12-21 one is cancelled.
        _server.Deliver(Invitation("2026-12-02T08:05:00+08:00", "REQUEST", 1, null, "20261215T140000", "20261215T153000", recurrenceId: "20261214T093000"));
        _server.Deliver(Invitation("2026-12-02T08:06:00+08:00", "CANCEL", 1, null, "20261221T093000", "20261221T110000", recurrenceId: "20261221T093000"));
        await RunAsync("2026-12-02 08:30", "2026-12-02 09:30");

        var moved = Event($"ical:{Uid}@2026-12-14T0930");
        moved.Start.Should().Be(At("2026-12-15 14:00"));
        Event($"ical:{Uid}@2026-12-21T0930").IsCancelled.Should().BeTrue();
        var secondDigest = DigestText("2026-12-02");
        secondDigest.Should().Contain("已改期").And.Contain("截止 2026-12-16 15:30", "the minutes are due 24 hours after the moved meeting ends")
            .And.Contain("已取消").And.Contain("不再应报");

        // 12-03: the opening is taken out of the calendar; a restart with nothing new changes nothing.
        _server.RemoveCalendarEvent(opening);
        await RunAsync("2026-12-03 08:30", "2026-12-03 09:30");
        Events(e => e.Kind == "sales-opening" && e.Unit == "wx-crm").Should().ContainSingle().Which.IsCancelled.Should().BeTrue();
        DigestText("2026-12-03").Should().Contain("开盘").And.Contain("不再应报");
        var changes = Events(_ => true).Sum(e => e.History.Count);
        await RunAsync("2026-12-03 10:00", "2026-12-03 10:30");
        Events(_ => true).Sum(e => e.History.Count).Should().Be(changes, "a restart reads what it knows again and changes nothing");

        // 12-16: the moved meeting's minutes are nudged before their moved deadline; the cancelled meeting's never are.
        await RunAsync("2026-12-16 08:30", "2026-12-16 17:00");
        var sent = Sent();
        sent.Should().Contain(n => n.Kind == "nudge" && n.Id.Contains("@2026-12-14T0930", StringComparison.Ordinal) && n.SentAt < At("2026-12-16 15:30"));
        sent.Should().NotContain(n => n.Id.Contains("@2026-12-21T0930", StringComparison.Ordinal));
        sent.Should().Contain(n => n.Kind == "overdue" && n.Id.Contains("@2026-12-14T0930", StringComparison.Ordinal), "nobody sent the minutes by 12-16 15:30");
        sent.Where(n => n.Kind == "digest").GroupBy(n => n.Id).Should().OnlyContain(g => g.Count() == 1, "one digest per day and recipient, restarts included");
    }

    private List<StoredEvent> Events(Func<StoredEvent, bool> which)
    {
        using var store = MailStore.Open(_folder["mailops.db"], TimeProvider.System);
        return [.. store.Events().Where(which)];
    }

    private StoredEvent Event(string id) => Events(e => e.Id == id).Should().ContainSingle().Subject;

    private List<StoredNotification> Sent()
    {
        using var store = MailStore.Open(_folder["mailops.db"], TimeProvider.System);
        return [.. store.Audit().Where(a => a.Action == "notification-sent").Select(a => store.Notification(a.Target)!)];
    }

    private string DigestText(string day)
    {
        var digest = Sent().First(n => n.Kind == "digest" && n.Id.StartsWith($"digest/{day}/", StringComparison.Ordinal));
        using var stream = new MemoryStream(digest.Mime);
        return MimeMessage.Load(stream).TextBody ?? "";
    }

    // A meeting request from Wuxi's CRM information officer to HQ, as Outlook sends it (text/calendar, China Standard Time).
    private static string Invitation(string received, string method, int sequence, string? rule, string start, string end, string? recurrenceId)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", $"METHOD:{method}", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
            "BEGIN:VTIMEZONE", "TZID:China Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", $"ORGANIZER;CN=白露:mailto:{Organizer}", "ATTENDEE;CN=cs-dl@hq.example.com:mailto:cs-dl@hq.example.com",
            "SUMMARY;LANGUAGE=zh-CN:无锡公司客户关系部部门例会", $"DTSTART;TZID=China Standard Time:{start}", $"DTEND;TZID=China Standard Time:{end}",
            $"UID:{Uid}", $"SEQUENCE:{sequence}", "DTSTAMP:20261201T000000Z", method == "CANCEL" ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
        };
        if (rule is not null)
        {
            lines.Add(rule);
        }

        if (recurrenceId is not null)
        {
            lines.Add($"RECURRENCE-ID;TZID=China Standard Time:{recurrenceId}");
        }

        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        var calendar = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), Base64FormattingOptions.InsertLineBreaks);
        var subject = method == "CANCEL" ? "已取消: 无锡公司客户关系部部门例会" : "无锡公司客户关系部部门例会";
        return $"""
            From: =?utf-8?B?55m96Zyy?= <{Organizer}>
            To: cs-dl@hq.example.com
            Subject: =?utf-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(subject))}?=
            Date: {DateTimeOffset.Parse(received, CultureInfo.InvariantCulture).ToString("ddd, d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0800
            Message-ID: <{method.ToLowerInvariant()}-{sequence}-{start}@wx.example.com>
            X-Received-At: {received}
            X-MS-Exchange-Organization-AuthAs: Internal
            X-MS-Exchange-Organization-AuthSource: SH0PR01MB1481.apcprd01.prod.exchangelabs.com
            MIME-Version: 1.0
            Content-Type: text/calendar; charset="utf-8"; method={method}
            Content-Transfer-Encoding: base64

            {calendar}
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    /// <summary>Starts the worker at <paramref name="from"/> and moves its clock wake by wake until the next wake is past <paramref name="until"/>.</summary>
    private async Task RunAsync(string from, string until)
    {
        var time = new FakeTimeProvider(At(from));
        var logs = new CapturedLogs();
        var end = At(until);
        using var host = MailOpsHost.Build([], Settings(), time, configFolder: null, watch: true, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
        });
        await WorkerClock.WalkAsync(host, time, logs, end);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["MailOps:Store:Path"] = _folder["mailops.db"],
        ["MailOps:Store:BackupCount"] = "0",
        ["MailOps:Mailbox:Kind"] = "Graph",
        ["MailOps:Mailbox:Graph:Mailbox"] = GraphTestServer.Mailbox,
        ["MailOps:Mailbox:Graph:Credential"] = "TestToken",
        ["MailOps:Mailbox:Graph:TestToken"] = GraphTestServer.Token,
        ["MailOps:Mailbox:Graph:BaseUrl"] = _server.BaseUrl,
        ["MailOps:Mailbox:Graph:StartDate"] = "2026-12-01T00:00:00+08:00",
        ["MailOps:Events:Calendar:Mailbox"] = GraphTestServer.Mailbox,
        ["MailOps:Assessment:Since"] = "2026-12-01",
        ["MailOps:Sending:PerMinute"] = "10000",
        ["MailOps:Worker:IngestInterval"] = "01:00:00",
    };
}
