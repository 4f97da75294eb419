using System.Globalization;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Running;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Running;

/// <summary>
/// The worker driven through the sample month (samples/inbox, 2026-11-01 to 2026-11-24 09:00) by a fake clock in
/// quarter-hour beats, each sample message dropped into the inbox at its received instant, with a restart in the
/// middle; then a week and a half of outage up to the December results day. Every mail sent is read back.
/// </summary>
public sealed class SampleMonthTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Restart = new(2026, 11, 12, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset End = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AfterOutage = new(2026, 12, 10, 9, 5, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<Task<MonthRun>> Run = new(RunMonthAsync);

    private readonly TempFolder _unused = new();

    public void Dispose() => _unused.Dispose();

    [Fact]
    public async Task EveryMailIsSentExactlyOnce_AcrossTheRestart()
    {
        var run = await Run.Value;

        run.SendsPerDraft.Values.Should().OnlyContain(n => n == 1, "a draft is sent once, even across the restart");
        run.Sent.Select(m => m.Key).Should().OnlyHaveUniqueItems();
        run.Sent.Should().HaveCount(run.SendsPerDraft.Count);
        run.Unsent.Should().Be(0);
    }

    [Fact]
    public async Task Digests_OnePerWorkingDayPerRecipient_FromTheDayMonitoringStarted()
    {
        var run = await Run.Value;
        var digests = run.Sent.Where(m => m.Kind == "digest" && m.Date <= End).ToList();
        var recipients = new[] { "cs-dl@hq.example.com", "zhou.min@hq.example.com" };

        // The first beat (Sunday 2026-11-01 00:00) sends no digest: it is night, and Friday 10-30's digest is not Sunday's.
        // Then one each working morning.
        var slots = WorkingDays(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 24)).ToList();
        digests.Select(d => d.Key).Should().BeEquivalentTo(slots.SelectMany(day => recipients.Select(r => $"digest/{day}/{r}")));
        digests.Where(d => d.Key.StartsWith("digest/2026-11-", StringComparison.Ordinal))
            .Should().OnlyContain(d => Local(d.Date).TimeOfDay >= new TimeSpan(9, 0, 0) && Local(d.Date).TimeOfDay < new TimeSpan(9, 15, 0), "the digest goes out at 09:00, within a beat");
        digests.Should().OnlyContain(d => d.Subject.StartsWith("【报送日报】示例集团", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDigestOfTheMorningAfterAMissedReport_NamesIt_WithItsDeduction()
    {
        var run = await Run.Value;

        // callcenter-daily for Saturday 11-14 was never sent; by Tuesday 11-17 it is two working days late (10 points).
        var digest = run.Sent.Single(m => m.Key == "digest/2026-11-16/cs-dl@hq.example.com");
        digest.Html.Should().Contain("呼叫中心信息日报").And.Contain("11月14日");
        digest.Text.Should().Contain("集团呼叫中心");
        run.Sent.Single(m => m.Key == "digest/2026-11-24/cs-dl@hq.example.com").Html
            .Should().Contain("长沙公司客户关系部").And.Contain("70", "Changsha's month so far: 30 points deducted");
    }

    [Fact]
    public async Task Nudges_GoOnlyToTheUnitsSubmitters_BeforeTheDeadline_WhileNothingHasArrived()
    {
        var run = await Run.Value;
        var nudges = run.Sent.Where(m => m.Kind == "nudge").ToList();

        nudges.Should().NotBeEmpty();
        foreach (var nudge in nudges)
        {
            var obligation = run.Obligation(nudge);
            nudge.Date.Should().BeOnOrBefore(obligation.Obligation.Due, "{0} is a nudge", nudge.Key);
            run.ReceivedBefore(obligation.Obligation.Key, nudge.Date).Should().BeFalse("{0} went out at {1} while the report was still owed", nudge.Key, nudge.Date);
            MonthRun.Submitters(obligation.Obligation).Should().Contain(nudge.To);
        }

        // The missing callcenter-daily of 11-14 was nudged at 18:36 (80% of 09:00-21:00), in the 18:45 beat, to each submitter.
        var missed = nudges.Where(n => n.Key.StartsWith("nudge/callcenter-daily/callcenter/2026-11-14/", StringComparison.Ordinal)).ToList();
        missed.Select(n => n.To).Should().BeEquivalentTo(MonthRun.Submitters(run.Obligation(missed[0]).Obligation));
        missed.Should().OnlyContain(n => Local(n.Date) == new DateTime(2026, 11, 14, 18, 45, 0));
        missed[0].Subject.Should().Be("【报送提醒】集团呼叫中心：呼叫中心信息日报（11月14日）请于 2026-11-14 21:00 前报送");
    }

    [Fact]
    public async Task OverdueNotices_FollowEachMissedDeadline_Once_WithWhatItCostsSoFar()
    {
        var run = await Run.Value;
        var overdue = run.Sent.Where(m => m.Kind == "overdue").ToList();

        foreach (var notice in overdue)
        {
            var obligation = run.Obligation(notice);
            notice.Date.Should().BeOnOrAfter(obligation.Obligation.Due + TimeSpan.FromMinutes(30));
            run.ReceivedBefore(obligation.Obligation.Key, notice.Date).Should().BeFalse("{0} went out at {1} while the report was still missing", notice.Key, notice.Date);
        }

        // Every report of the month that was never received got its overdue notice, to every submitter.
        foreach (var missing in run.AtEnd.Results.Where(r => r.Status == ObligationStatus.Missing))
        {
            overdue.Where(n => n.Key.StartsWith($"overdue/{missing.Obligation.Key}/", StringComparison.Ordinal)).Select(n => n.To)
                .Should().BeEquivalentTo(MonthRun.Submitters(missing.Obligation), "{0} was never received", missing.Obligation.Key);
        }

        // A late report got one too, before it arrived: callcenter-daily 11-06 (due Friday 21:00, received Monday 09:58).
        // Due + 30 minutes is after the working day's end (21:00), so it waits for 09:00 the next morning.
        var late = overdue.Where(n => n.Key.StartsWith("overdue/callcenter-daily/callcenter/2026-11-06/", StringComparison.Ordinal)).ToList();
        late.Should().NotBeEmpty().And.OnlyContain(n => Local(n.Date) == new DateTime(2026, 11, 7, 9, 0, 0));
        late[0].Text.Should().Contain("已逾期 1 个工作日，按制度已计扣 5 分", "anything after the deadline is at least a working day late");
    }

    [Fact]
    public async Task AfterAnOutage_TheMissedDigestGoesOnce_NoNudgeForAPassedDeadline_AndTheMonthlyEvaluationOnItsDay()
    {
        var run = await Run.Value;
        var afterOutage = run.Sent.Where(m => m.Date > End).ToList();

        afterOutage.Where(m => m.Kind == "digest").Select(m => m.Key)
            .Should().BeEquivalentTo(["digest/2026-12-10/cs-dl@hq.example.com", "digest/2026-12-10/zhou.min@hq.example.com"], "twelve working mornings were missed; only the latest digest goes");
        afterOutage.Where(m => m.Kind == "nudge").Should().NotContain(m => run.Obligation(m).Obligation.Due < AfterOutage, "a nudge for a deadline already passed is never sent");
        var monthly = afterOutage.Where(m => m.Kind == "monthly").ToList();
        monthly.Select(m => m.To).Should().Contain(["cs-dl@hq.example.com", "zhou.min@hq.example.com"]).And.OnlyHaveUniqueItems();
        monthly.Should().HaveCount(2 + 7, "group customer service, and the HR and admin department of each of the seven city companies");
        monthly.Should().OnlyContain(m => m.Subject == "【月度考核】示例集团 2026年11月 信息报送考核得分");
        monthly[0].Html.Should().Contain("华中物业房屋保修部");
        run.Sent.Where(m => m.Kind == "quarterly").Should().BeEmpty("2026-Q3 was before monitoring started (Since 2026-11-01)");
    }

    private static DateTime Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8)).DateTime;

    private static IEnumerable<string> WorkingDays(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (ShippedRegime.Regime.Calendar.IsWorkingDay(day))
            {
                yield return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
    }

    private static async Task<MonthRun> RunMonthAsync()
    {
        var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        var inbox = folder["inbox"];
        Directory.CreateDirectory(inbox);
        var samples = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples", "inbox"), "*.eml")
            .Select(path => (Path: path, Received: ReceivedAt(path)))
            .OrderBy(s => s.Received)
            .ToList();
        var mailboxOptions = new FolderMailboxOptions { Inbox = inbox, Outbox = folder["outbox"], SettleTime = TimeSpan.Zero };
        var mailbox = new CountingMailbox(new FolderMailbox(mailboxOptions, time));
        var dropped = 0;

        var worker = StartWorker(folder, time, mailbox);
        try
        {
            for (var now = Start; now <= AfterOutage; now = now == End ? AfterOutage : now + Step)
            {
                time.SetUtcNow(now);
                while (dropped < samples.Count && samples[dropped].Received <= now)
                {
                    // Written when it is received (the folder mailbox leaves a file written after "now" for the next read).
                    var target = Path.Combine(inbox, Path.GetFileName(samples[dropped].Path));
                    File.Copy(samples[dropped].Path, target);
                    File.SetLastWriteTimeUtc(target, samples[dropped].Received.UtcDateTime);
                    dropped++;
                }

                if (now == Restart)
                {
                    worker.Dispose();
                    worker = StartWorker(folder, time, mailbox);
                }

                await worker.Pulse.RunAsync(BeatReason.Interval, default);
            }

            var atEnd = worker.Assessor.Judge(worker.Store, End);
            var final = worker.Assessor.Judge(worker.Store, AfterOutage);
            var outcomes = worker.Store.AllOutcomes();
            return new MonthRun(
                [.. Directory.EnumerateFiles(folder["outbox"], "*.eml").Select(SentMail.Read)],
                mailbox.SendsPerDraft,
                worker.Store.Unsent().Count,
                atEnd,
                final,
                outcomes);
        }
        finally
        {
            worker.Dispose();
        }
    }

    private static DateTimeOffset ReceivedAt(string path)
    {
        using var stream = File.OpenRead(path);
        var headers = HeaderList.Load(stream);
        return DateTimeOffset.Parse(headers[FolderMailbox.ReceivedAtHeader] ?? throw new InvalidDataException($"{path} has no {FolderMailbox.ReceivedAtHeader}"), CultureInfo.InvariantCulture);
    }

    // The sample month's settings: the nudge timings of docs/worker.md's example, and HQ's recipients as shipped.
    private static PulseHarness StartWorker(TempFolder folder, TimeProvider time, IMailbox mailbox) =>
        PulseHarness.Start(folder["mailops.db"], time, mailbox, new NotificationOptions
        {
            Nudges = { ByReport = { ["callcenter-weekly"] = "10:00", ["warranty-weekly"] = "10:00", ["site-open-daily"] = "80%", ["delivery-daily"] = "80%" } },
            Recipients = { Digest = ["group.cs"], Monthly = ["group.cs", "city.hr-admin"], Quarterly = ["group.cs", "group.cs.gm"] },
        });

    private sealed record SentMail(string Key, string Kind, string To, string Subject, DateTimeOffset Date, string Html, string Text)
    {
        public static SentMail Read(string path)
        {
            var message = MimeMessage.Load(path);
            return new SentMail(
                message.Headers[MailComposer.KeyHeader] ?? "",
                message.Headers[ParsingOptions.OwnMailHeader] ?? "",
                message.To.Mailboxes.Single().Address,
                message.Subject ?? "",
                message.Date,
                message.HtmlBody ?? "",
                message.TextBody ?? "");
        }
    }

    /// <param name="AtEnd">Everything judged at the end of the month's run.</param>
    /// <param name="Final">Everything judged after the outage: every obligation a mail was about is in it.</param>
    private sealed record MonthRun(IReadOnlyList<SentMail> Sent, IReadOnlyDictionary<string, int> SendsPerDraft, int Unsent, Snapshot AtEnd, Snapshot Final, IReadOnlyList<StoredOutcome> Outcomes)
    {
        public ObligationResult Obligation(SentMail mail)
        {
            var key = mail.Key.Split('/');
            var obligationKey = string.Join('/', key[1..4]);
            return Final.Results.Single(r => r.Obligation.Key == obligationKey);
        }

        public bool ReceivedBefore(string obligationKey, DateTimeOffset instant) =>
            Outcomes.Any(o => o.Matched && $"{o.Report}/{o.Unit}/{o.Period}" == obligationKey && o.Received < instant);

        public static IReadOnlyList<string> Submitters(Compliance.Deadlines.Obligation obligation)
        {
            var unit = ShippedRegime.Regime.Directory.FindUnit(obligation.UnitId)!;
            var report = ShippedRegime.Regime.Catalog[obligation.ReportId];
            return unit.Submitters.TryGetValue(report.SubmitterRole, out var owners) && owners.Count > 0 ? owners : [.. unit.SubmitterAddresses];
        }
    }

    /// <summary>The real folder mailbox, counting how often each draft is sent.</summary>
    private sealed class CountingMailbox(IMailbox inner) : IMailbox
    {
        private readonly Dictionary<string, int> _sends = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, int> SendsPerDraft => _sends;

        public MailboxIdentity Identity => inner.Identity;

        public Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken) => inner.ReadChangesAsync(cursor, cancellationToken);

        public Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken) => inner.FetchMimeAsync(id, cancellationToken);

        public Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken) => inner.CreateDraftAsync(mail, cancellationToken);

        public Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken)
        {
            lock (_sends)
            {
                _sends[draftId] = _sends.GetValueOrDefault(draftId) + 1;
            }

            return inner.SendDraftAsync(draftId, cancellationToken);
        }

        public Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken) => inner.DraftStateAsync(draftId, cancellationToken);
    }
}
