using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Assessment;

/// <summary>
/// What the assessor reads from the store: only the outcomes of messages received in the window that can bear on what
/// it judges (through the store's index on the received instant), judged exactly as over every outcome ever stored;
/// and no message a person dismissed.
/// </summary>
public sealed class AssessorStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("2026-11-24T09:00:00+08:00")]
    [InlineData("2027-01-06T09:00:00+08:00")]
    [InlineData("2027-03-01T09:00:00+08:00")]
    public async Task Judge_OverTheWindowsOutcomes_IsJudgingOverEveryOutcome(string at)
    {
        SampleMonth.CopyInbox(_folder["inbox"]);
        // A report of January, long before any window judged here: stored, never read by a beat.
        Eml.Drop(_folder["inbox"], "0000-january.eml", Eml.Daily("january@callcenter.example.com", receivedAt: "2026-01-05T20:30:00+08:00", day: "2026-01-05"));
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero }, _time), store, ShippedRegime.Parser).IngestAsync(default);
        var asOf = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var options = new AssessmentOptions();
        var assessor = new Assessor(ShippedRegime.Regime, options);

        var windowed = assessor.Judge(store, asOf);

        var (from, to) = assessor.Range(asOf);
        var everything = new ObligationEvaluator(ShippedRegime.Regime.Calendar, ShippedRegime.Regime.Zone, options.Scoring).EvaluateAll(
            new ObligationGenerator(ShippedRegime.Regime).Generate(from, to),
            store.AllOutcomes().Select(StoredOutcomes.ToSubmission).OfType<Submission>(),
            [],
            asOf);
        windowed.Results.Select(Judged).Should().Equal(everything.Select(Judged));
        windowed.Results.Should().Contain(r => r.Counted != null, "the sample month's reports are in the window");
        store.OutcomesReceivedFrom(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)).Should().NotContain(o => o.MessageId == "<january@callcenter.example.com>");
        store.AllOutcomes().Should().Contain(o => o.MessageId == "<january@callcenter.example.com>");
    }

    [Fact]
    public async Task Judge_LeavesOutOfTriage_AMessageAPersonDismissed()
    {
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("stranger@outside.example.org", from: "someone@outside.example.org"));
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), store, ShippedRegime.Parser).IngestAsync(default);
        var assessor = new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment());
        var held = assessor.Judge(store, _time.GetUtcNow()).Triage.Should().ContainSingle().Subject;

        store.Dismiss(held.MessageId, "zhang.hq", "不是报表");

        assessor.Judge(store, _time.GetUtcNow()).Triage.Should().BeEmpty();
    }

    private static string Judged(ObligationResult r) => $"{r.Obligation.Key} {r.Status} {r.WorkingDaysLate} {r.Deduction} {r.Counted?.MessageId}";
}
