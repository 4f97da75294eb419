using System.Globalization;
using System.Text.Json;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Assessment;

/// <summary>
/// An assessor that follows its last judgement (reading only what the store wrote since, judging again only what can
/// have changed) judges exactly as one that reads and judges everything afresh: over the sample month as its mail
/// arrives, and over a generated year with people's decisions along the way; and it does follow, not start over.
/// </summary>
public sealed class JudgedWindowTests : IDisposable
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FolderMailbox? _mailbox;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Following_TheSampleMonthAsItsMailArrives_JudgesAsAfresh_AtEveryBeat()
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples/inbox"), "*.eml").Order(StringComparer.Ordinal).ToList();
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        var options = new AssessmentOptions { Since = SampleMonth.Since };
        var following = new Assessor(ShippedRegime.Regime, options);
        var next = 0;
        var followed = 0;

        for (var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, Shanghai); at <= new DateTimeOffset(2026, 12, 8, 9, 0, 0, Shanghai); at = at.AddHours(5))
        {
            for (; next < files.Count && SampleMonth.ReceivedOf(Path.GetFileName(files[next])) <= at; next++)
            {
                Eml.Drop(_folder["inbox"], Path.GetFileName(files[next]), await File.ReadAllTextAsync(files[next]));
            }

            await IngestAsync(store, at);
            var snapshot = following.Judge(store, at);
            followed += following.LastJudging == JudgingKind.Followed ? 1 : 0;

            Canonic(snapshot).Should().Be(Canonic(new Assessor(ShippedRegime.Regime, options).Judge(store, at)), $"judged at {at:O}");
        }

        next.Should().Be(files.Count, "every sample message arrived");
        followed.Should().BeGreaterThan(150, "after the first judgement the assessor follows on");
    }

    [Fact]
    public async Task Following_AGeneratedYear_WithPeoplesDecisions_JudgesAsAfresh_AcrossWeeksAndQuarters()
    {
        var random = new Random(20260101);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        var options = new AssessmentOptions();
        var following = new Assessor(ShippedRegime.Regime, options);
        var calendar = ShippedRegime.Regime.Calendar;
        var afresh = 0;
        var decided = 0;
        var last = Snapshot.Empty(_time.GetUtcNow());

        for (var day = new DateOnly(2026, 1, 2); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            DropTheDaysMail(day, calendar.IsWorkingDay(day), random);
            // A beat in the morning, and one just after the daily deadline.
            foreach (var hour in (int[])[10, 21])
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Shanghai).AddMinutes(random.Next(1, 59));
                await IngestAsync(store, at);
                decided += Decide(store, last, at, random);
                var snapshot = following.Judge(store, at);
                last = snapshot;
                afresh += following.LastJudging == JudgingKind.Afresh ? 1 : 0;

                Canonic(snapshot).Should().Be(Canonic(following.JudgeAfresh(store, at)), $"judged at {at:O}");
            }
        }

        decided.Should().BeGreaterThan(20, "people placed, accepted, dismissed, judged and withdrew along the year");
        afresh.Should().BeLessThan(10, "the assessor starts afresh only when the judged range's first day moves (once a quarter)");
    }

    [Fact]
    public async Task Judge_AtAnEarlierInstant_JudgesAgainFromWhatItHolds_AsAfresh()
    {
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("1@callcenter.example.com"));
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await IngestAsync(store, new DateTimeOffset(2026, 11, 24, 9, 0, 0, Shanghai));
        var assessor = new Assessor(ShippedRegime.Regime, new AssessmentOptions());
        assessor.Judge(store, new DateTimeOffset(2026, 11, 24, 9, 0, 0, Shanghai));

        var earlier = assessor.Judge(store, new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai));

        assessor.LastJudging.Should().Be(JudgingKind.Followed, "what it read does not depend on the instant");
        Canonic(earlier).Should().Be(Canonic(assessor.JudgeAfresh(store, new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai))));
    }

    [Fact]
    public async Task Judge_OfAnotherStore_StartsAfresh_AndReadsThatStore()
    {
        Eml.Drop(_folder["a"], "1.eml", Eml.Daily("1@callcenter.example.com"));
        using var first = MailStore.Open(_folder["first.db"], _time);
        using var second = MailStore.Open(_folder["second.db"], _time);
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Shanghai);
        _time.SetUtcNow(at);
        await new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["a"], Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero }, _time), first, ShippedRegime.Parser).IngestAsync(default);
        var assessor = new Assessor(ShippedRegime.Regime, new AssessmentOptions());

        var judgedFirst = assessor.Judge(first, at);
        var judgedSecond = assessor.Judge(second, at);

        assessor.LastJudging.Should().Be(JudgingKind.Afresh);
        judgedFirst.Results.Should().Contain(r => r.Counted != null);
        judgedSecond.Results.Should().NotContain(r => r.Counted != null);
    }

    // One mailbox for the whole run, as a running worker has: it remembers what it reported.
    private async Task IngestAsync(MailStore store, DateTimeOffset at)
    {
        _time.SetUtcNow(at);
        _mailbox ??= new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero }, _time);
        await new Ingestor(_mailbox, store, ShippedRegime.Parser).IngestAsync(default);
    }

    // The call center's daily: mostly on time, some late (the next working morning or later), some sent twice, some
    // never; now and then ordinary mail, a stranger's report (triage) and one sent from outside the tenant (unauthenticated).
    private void DropTheDaysMail(DateOnly day, bool working, Random random)
    {
        var name = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var roll = random.Next(100);
        if (roll < 80)
        {
            Drop($"{name}-daily", Eml.Daily($"{name}.daily@callcenter.example.com", At(day, 20, random.Next(0, 59)), day: name));
        }
        else if (roll < 88)
        {
            Drop($"{name}-late", Eml.Daily($"{name}.late@callcenter.example.com", At(day.AddDays(random.Next(1, 4)), 10, random.Next(0, 59)), day: name));
        }
        else if (roll < 93)
        {
            Drop($"{name}-first", Eml.Daily($"{name}.first@callcenter.example.com", At(day, 19, 0), day: name));
            Drop($"{name}-again", Eml.Daily($"{name}.again@callcenter.example.com", At(day, random.Next(2) == 0 ? 20 : 22, 30), day: name));
        }

        if (working && random.Next(4) == 0)
        {
            Drop($"{name}-ordinary", Eml.Ordinary($"{name}.shop@shop.example.org"));
        }

        if (random.Next(12) == 0)
        {
            Drop($"{name}-stranger", Eml.Daily($"{name}.stranger@outside.example.org", At(day, 20, 45), from: "someone@outside.example.org", day: name));
        }

        if (random.Next(15) == 0)
        {
            var outside = Eml.Daily($"{name}.outside@callcenter.example.com", At(day, 20, 50), day: name).Replace("X-MS-Exchange-Organization-AuthAs: Internal\r\n", "", StringComparison.Ordinal);
            Drop($"{name}-outside", outside);
        }

        static string At(DateOnly day, int hour, int minute) =>
            new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private void Drop(string name, string text) => Eml.Drop(_folder["inbox"], name + ".eml", text);

    // Now and then a person decides what the console offers: place a triaged report, accept an unauthenticated one,
    // dismiss one, record a judgement, withdraw one.
    private static int Decide(MailStore store, Snapshot snapshot, DateTimeOffset at, Random random)
    {
        if (random.Next(4) != 0)
        {
            return 0;
        }

        switch (random.Next(5))
        {
            case 0 when snapshot.Triage.Count > 0 && snapshot.Results.FirstOrDefault(r => r.Counted is null && r.Obligation.Due < at) is { } owed:
                store.Place(snapshot.Triage[0].MessageId, owed.Obligation, "zhang.hq", "是呼叫中心的日报");
                return 1;
            case 1 when snapshot.Unauthenticated.Count > 0:
                store.Accept(snapshot.Unauthenticated[0].MessageId, "zhang.hq", "核实为本人发送");
                return 1;
            case 2 when snapshot.Triage.Count > 0:
                store.Dismiss(snapshot.Triage[^1].MessageId, "zhang.hq", "不是报表");
                return 1;
            case 3 when snapshot.Results.Where(r => r.Counted is not null).ToList() is { Count: > 0 } judged:
                var result = judged[random.Next(judged.Count)];
                store.AddManualEntry(new StoredManualEntry { Kind = ManualEntryKinds.Name(ManualEntryKind.Wrong), Unit = result.Obligation.UnitId, ObligationKey = result.Obligation.Key, EffectiveDate = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Points = 5, Reason = "数据有误", Author = "zhang.hq" });
                return 1;
            case 4 when store.AllManualEntries().FirstOrDefault(e => e.RevokedAt is null) is { } standing:
                store.RevokeManualEntry(standing.Id, "li.hq", "核实后无误");
                return 1;
            default:
                return 0;
        }
    }

    private static string Canonic(Snapshot snapshot) => JsonSerializer.Serialize(snapshot, Canonical);
}
