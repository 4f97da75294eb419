using System.Globalization;
using System.Net;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>
/// What the notifier queues as a fake clock moves: the shipped settings and templates, a store on a real file,
/// obligations judged from what the store holds at each instant. Times are China Standard Time.
/// </summary>
public sealed class NotifierTests : IDisposable
{
    private const string Mailbox = "reports@hq.example.com";
    private const string DailyOf23rd = "nudge/callcenter-daily/callcenter/2026-11-23/";
    private const string WeeklyOverdue = "overdue/callcenter-weekly/callcenter/";

    private static readonly TemplateRenderer Renderer = new(ShippedSettings.Templates);

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(At("2026-11-01 00:00"));
    private readonly MailStore _store;
    private readonly NotificationOptions _options = ShippedSettings.Notifications();
    private AssessmentOptions _assessment = ShippedSettings.Assessment();

    public NotifierTests() => _store = MailStore.Open(_folder["mailops.db"], _time);

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Queue_BeforeTheNudgeInstant_NudgesNoOne()
    {
        QueueAt("2026-11-23 18:35");

        Keys(DailyOf23rd).Should().BeEmpty("80% of the daily report's 09:00-21:00 window is 18:36");
    }

    [Fact]
    public void Queue_FromTheNudgeInstant_NudgesEachAddressOfTheReportsSubmitterRole()
    {
        var queued = QueueAt("2026-11-23 18:36");

        Keys(DailyOf23rd).Should().BeEquivalentTo(
            DailyOf23rd + "chen.xue@callcenter.example.com",
            DailyOf23rd + "li.mengmeng@callcenter.example.com");
        queued.Nudges.Should().BeGreaterThanOrEqualTo(2);
        var nudge = Mime(DailyOf23rd + "li.mengmeng@callcenter.example.com");
        nudge.To.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("li.mengmeng@callcenter.example.com");
        nudge.From.Mailboxes.Should().ContainSingle().Which.Address.Should().Be(Mailbox);
        nudge.Subject.Should().Contain("呼叫中心信息日报").And.Contain("2026-11-23");
    }

    [Fact]
    public async Task Queue_AReportAlreadyReceived_NudgesNoOne()
    {
        Eml.Drop(_folder["inbox"], "daily.eml", Eml.Daily("daily-23@callcenter.example.com", receivedAt: "2026-11-23T18:00:00+08:00"));
        _time.SetUtcNow(At("2026-11-23 18:30"));
        await new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), _store, ShippedRegime.Parser).IngestAsync(CancellationToken.None);

        QueueAt("2026-11-23 18:36");

        Keys(DailyOf23rd).Should().BeEmpty();
    }

    [Fact]
    public void Queue_FirstRunAfterTheDeadline_NeverNudgesForIt()
    {
        QueueAt("2026-11-23 21:01");

        Keys(DailyOf23rd).Should().BeEmpty();
    }

    [Fact]
    public void Queue_BeforeHalfAnHourPastTheDeadline_SendsNoOverdueNotice()
    {
        QueueAt("2026-11-23 17:29");

        Keys(WeeklyOverdue).Should().BeEmpty("the weekly report was due Monday 17:00");
    }

    [Fact]
    public void Queue_HalfAnHourPastTheDeadline_SendsTheOverdueNoticeToTheReportsSubmitter()
    {
        var queued = QueueAt("2026-11-23 17:30");

        Keys(WeeklyOverdue).Should().ContainSingle().Which.Should().EndWith("/wang.fang@callcenter.example.com");
        queued.Overdue.Should().BeGreaterThanOrEqualTo(1);
        Mime(Keys(WeeklyOverdue).Single()).Subject.Should().Contain("呼叫中心信息周报");
    }

    [Fact]
    public void Queue_AgainAndAfterARestart_NeverQueuesTheSameKeyTwice()
    {
        QueueAt("2026-11-23 17:30");
        var key = Keys(WeeklyOverdue).Single();

        var again = Notifier().Queue(_store, Judge(), NoWarnings);
        QueueAt("2026-11-23 17:45");

        again.Total.Should().Be(0);
        Keys(WeeklyOverdue).Should().Equal(key);
        _store.Notification(key)!.QueuedAt.Should().Be(At("2026-11-23 17:30"));
    }

    [Fact]
    public void Queue_OnAWorkingDayFromTheDigestTime_QueuesThatDaysDigestForEachRecipient()
    {
        var queued = QueueAt("2026-11-24 09:00");

        queued.Digests.Should().Be(2);
        Keys("digest/").Should().BeEquivalentTo("digest/2026-11-24/cs-dl@hq.example.com", "digest/2026-11-24/zhou.min@hq.example.com");
    }

    [Fact]
    public void Queue_OnAWeekend_QueuesNoDigest_NotFridaysUnderSaturdaysDate()
    {
        QueueAt("2026-11-21 10:00");

        Keys("digest/").Should().BeEmpty();
    }

    [Fact]
    public void Queue_BeforeTheWorkingDay_QueuesNeitherYesterdaysDigestNorAnyNotice()
    {
        var queued = QueueAt("2026-11-24 08:00");

        queued.Total.Should().Be(0, "a first run at 08:00 once sent the 23rd's digest under the 24th's date, and overdue notices at 08:00");
    }

    [Fact]
    public void Queue_AtNight_QueuesNothing_HoweverMuchIsOverdue()
    {
        var queued = QueueAt("2026-11-24 03:03");

        queued.Total.Should().Be(0);
        _store.Unsent().Should().BeEmpty();
    }

    [Fact]
    public void Queue_InTheMorningAfterANight_QueuesWhatWaited()
    {
        QueueAt("2026-11-24 03:03");

        var morning = QueueAt("2026-11-24 09:00");

        morning.Overdue.Should().BeGreaterThan(0);
        Keys(WeeklyOverdue).Should().NotBeEmpty("the weekly report of the 23rd is overdue since 17:30 the day before");
    }

    [Fact]
    public void Queue_ANudgeAndADigest_CarryTheLastInstantTheyMayBeSent()
    {
        QueueAt("2026-11-23 18:36");
        QueueAt("2026-11-24 09:00");

        _store.Notification(DailyOf23rd + "li.mengmeng@callcenter.example.com")!.NotAfter.Should().Be(At("2026-11-23 21:00"), "a nudge after its deadline asks for what is already late");
        _store.Notification("digest/2026-11-24/cs-dl@hq.example.com")!.NotAfter.Should().Be(At("2026-11-24 21:00"), "a digest is that day's");
        _store.Notification(Keys(WeeklyOverdue)[0])!.NotAfter.Should().BeNull();
    }

    [Fact]
    public void Queue_AfterAFiveWorkingDayOutage_QueuesOneDigestPerRecipientForTheLatestSlotOnly()
    {
        QueueAt("2026-11-17 09:00");

        var back = QueueAt("2026-11-24 09:05");

        back.Digests.Should().Be(2);
        Keys("digest/").Should().BeEquivalentTo(
            "digest/2026-11-17/cs-dl@hq.example.com",
            "digest/2026-11-17/zhou.min@hq.example.com",
            "digest/2026-11-24/cs-dl@hq.example.com",
            "digest/2026-11-24/zhou.min@hq.example.com");
    }

    [Fact]
    public void Queue_TheMonthlyAndQuarterlyOfPeriodsBeforeSince_AreNeverQueued()
    {
        QueueAt("2026-11-24 09:00");

        Keys("monthly/").Should().BeEmpty("October ended before the first due date assessed, 2026-11-01");
        Keys("quarterly/").Should().BeEmpty();
    }

    [Fact]
    public void Queue_WhenSinceCoversTheMonth_QueuesItsMonthlyFromItsResultsDay()
    {
        _assessment = new AssessmentOptions { Since = new DateOnly(2026, 10, 1) };

        QueueAt("2026-11-24 09:00");

        Keys("monthly/").Should().HaveCount(9).And.OnlyContain(k => k.StartsWith("monthly/2026-10/", StringComparison.Ordinal));
    }

    [Fact]
    public void Queue_OnTheResultsDay_QueuesTheMonthlyToEveryResolvedRecipientFromTheDigestTime()
    {
        QueueAt("2026-12-10 08:59");
        Keys("monthly/").Should().BeEmpty();

        var queued = QueueAt("2026-12-10 09:00");

        queued.Monthly.Should().Be(9);
        Keys("monthly/").Select(k => k["monthly/2026-11/".Length..]).Should().BeEquivalentTo(MonthlyRecipients);
    }

    [Fact]
    public void Resolve_RoleKeysAndAddresses_GivesEachAddressOnce()
    {
        var resolved = Notifier().Resolve(["group.cs", "city.hr-admin", " audit@hq.example.com ", "CS-DL@hq.example.com"]);

        resolved.Should().Equal([.. MonthlyRecipients, "audit@hq.example.com"]);
    }

    [Fact]
    public void Resolve_ARoleOfNoOne_GivesNoAddress()
    {
        Notifier().Resolve(["group.nobody", "city.nobody"]).Should().BeEmpty();
    }

    [Fact]
    public async Task Queue_TheSampleMonthsDigest_NamesTheFaultsNewSinceThePreviousDigestAndCountsThemInItsSubject()
    {
        await SampleMonth.IngestAsync(_store, _folder, _time);
        var previousDigest = At("2026-11-23 09:00");

        // Every report never sent fell due before the previous digest, so the new faults are those received since.
        var expected = SampleMonth.Expected.Faults
            .Where(f => f.File is not null && f.Deduction > 0 && SampleMonth.ReceivedOf(f.File) > previousDigest)
            .ToList();
        QueueAt("2026-11-24 09:00");
        var digest = Mime("digest/2026-11-24/cs-dl@hq.example.com");

        expected.Should().NotBeEmpty();
        digest.Subject.Should().Contain($"新增问题 {expected.Count} 项").And.Contain($"扣 {expected.Sum(f => f.Deduction)} 分");
        var html = WebUtility.HtmlDecode(digest.HtmlBody);
        foreach (var fault in expected)
        {
            html.Should().Contain(ShippedRegime.Regime.Directory.FindUnit(fault.Unit!)!.Name.Zh)
                .And.Contain(ShippedRegime.Regime.Catalog[fault.Report!].Name.Zh)
                .And.Contain(PeopleName(fault));
            digest.TextBody.Should().Contain(ShippedRegime.Regime.Catalog[fault.Report!].Name.Zh);
        }
    }

    [Fact]
    public async Task Queue_ADigestAfterMailWithABidiOverrideAndAnEndlessSubject_ShowsItCleanAndShortWhileTheStoreKeepsItWhole()
    {
        // A city company's mail that looks like its delivery daily but fits no period: it goes to the digest for triage.
        var subject = "【日报】重庆城市公司交付周边日报 \u202Exslx.exe " + string.Concat(Enumerable.Repeat("附件说明", 1_250));
        Eml.Drop(_folder["inbox"], "bidi.eml", $"""
            X-Received-At: 2026-11-23T15:00:00+08:00
            From: yang.xue@cq.example.com
            To: cs-dl@hq.example.com
            Subject: =?UTF-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(subject))}?=
            Date: Mon, 23 Nov 2026 14:59:00 +0800
            Message-ID: <bidi-1@cq.example.com>
            Content-Type: text/plain; charset=utf-8

            请查收。
            """.ReplaceLineEndings("\r\n"));
        _time.SetUtcNow(At("2026-11-23 16:00"));
        await new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), _store, ShippedRegime.Parser).IngestAsync(CancellationToken.None);

        QueueAt("2026-11-24 09:00");
        var digest = Mime("digest/2026-11-24/cs-dl@hq.example.com");

        var shown = "【日报】重庆城市公司交付周边日报 xslx.exe " + string.Concat(Enumerable.Repeat("附件说明", 25))[..(119 - 26)] + "…";
        var html = WebUtility.HtmlDecode(digest.HtmlBody);
        html.Should().Contain(shown).And.NotContain("\u202E");
        digest.TextBody.Should().Contain(shown).And.NotContain("\u202E");
        var outcome = _store.AllOutcomes().Should().ContainSingle(o => o.MessageId == "<bidi-1@cq.example.com>").Subject;
        _store.MessagesById([outcome.Id])[outcome.Id].Subject.Should().Be(subject, "the store keeps the subject as it came");
    }

    private static readonly string[] MonthlyRecipients =
    [
        "cs-dl@hq.example.com", "zhou.min@hq.example.com",
        "hr-admin@cq.example.com", "hr-admin@cd.example.com", "hr-admin@cs.example.com", "hr-admin@zz.example.com",
        "hr-admin@sz.example.com", "hr-admin@wx.example.com", "hr-admin@nj.example.com",
    ];

    private static readonly DigestWarning[] NoWarnings = [];

    // What the mail calls a fault's period: the name of its obligation's period, not its id.
    private static string PeopleName(ExpectedFault fault)
    {
        var unit = ShippedRegime.Regime.Directory.FindUnit(fault.Unit!)!;
        var obligation = new ObligationGenerator(ShippedRegime.Regime)
            .Occurrences(unit, ShippedRegime.Regime.Catalog[fault.Report!], new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31))
            .Single(o => o.Period.Id == fault.Period);
        return new PeriodNames(ShippedRegime.Regime).Of(obligation).Zh;
    }

    private Notifier Notifier() => new(ShippedRegime.Regime, _options, _assessment, Renderer, Mailbox);

    private Snapshot Judge() => new Assessor(ShippedRegime.Regime, _assessment).Judge(_store, _time.GetUtcNow());

    private QueuedCounts QueueAt(string local)
    {
        _time.SetUtcNow(At(local));
        return Notifier().Queue(_store, Judge(), NoWarnings);
    }

    private List<string> Keys(string prefix) => [.. _store.Unsent().Select(n => n.Id).Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];

    private MimeMessage Mime(string key) => MimeMessage.Load(new MemoryStream(_store.Notification(key)!.Mime));

    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
