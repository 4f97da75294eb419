using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Assessment;

/// <summary>
/// The sample month ingested through the real folder mailbox, parser and ingestor into a store on a real file,
/// judged on the morning after it (2026-11-24 09:00, China Standard Time) with the shipped first due date.
/// </summary>
public sealed class AssessorTests(AssessorTests.JudgedSampleMonth month) : IClassFixture<AssessorTests.JudgedSampleMonth>
{
    private static readonly string[] TriageReasons = ["unknown-report", "unknown-sender", "ambiguous"];

    public static TheoryData<string, string, string, string, int> PlantedFaults()
    {
        var data = new TheoryData<string, string, string, string, int>();
        foreach (var f in SampleMonth.Expected.Faults.Where(f => f.Report is not null))
        {
            data.Add(f.Kind, f.Unit!, f.Report!, f.Period!, f.Deduction);
        }

        return data;
    }

    public static TheoryData<string, int, int> UnitTotals => new()
    {
        // unit, obligations due 2026-11-01 to 2026-11-23, deductions (samples/inbox/README.md)
        { "callcenter", 28, 55 },
        { "wy-cq-warranty", 5, 0 },
        { "wy-sc-warranty", 5, 10 },
        { "wy-hz-warranty", 5, 30 },
        { "wy-hd-warranty", 5, 0 },
        { "cq-crm", 5, 10 },
        { "cd-crm", 4, 5 },
        { "cs-crm", 5, 30 },
        { "zz-crm", 0, 0 },
        { "sz-crm", 0, 0 },
        { "wx-crm", 1, 0 },
        { "nj-crm", 1, 0 },
    };

    [Theory]
    [MemberData(nameof(PlantedFaults))]
    public void Judge_TheSampleMonth_GivesEachPlantedFaultItsStatusAndDeduction(string kind, string unit, string report, string period, int deduction)
    {
        var result = month.Snapshot.Results.Should().ContainSingle(r => r.Obligation.Key == $"{report}/{unit}/{period}").Subject;

        result.Status.Should().Be(StatusOf(kind, deduction));
        result.Deduction.Should().Be(deduction);
    }

    [Theory]
    [MemberData(nameof(UnitTotals))]
    public void Judge_TheSampleMonth_DeductsFromEachUnitWhatTheReadmeTabulates(string unit, int obligations, int deductions)
    {
        var judged = month.Snapshot.Results
            .Where(r => r.Obligation.UnitId == unit && ShippedRegime.Regime.Zone.DateOf(r.Obligation.Due) <= new DateOnly(2026, 11, 23))
            .ToList();

        judged.Should().HaveCount(obligations);
        judged.Sum(r => r.Deduction).Should().Be(deductions);
    }

    [Fact]
    public void Judge_AtAnEarlierInstant_IgnoresMailReceivedAfterIt()
    {
        var monday = new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(8));

        var snapshot = new Assessor(ShippedRegime.Regime, new AssessmentOptions { Since = SampleMonth.Since }).Judge(month.Store, monday);

        var friday = snapshot.Results.Should().ContainSingle(r => r.Obligation.Key == "callcenter-daily/callcenter/2026-11-06").Subject;
        friday.Status.Should().Be(ObligationStatus.Overdue, "Friday's report arrives at 09:58, after this instant");
        friday.Counted.Should().BeNull();
    }

    [Fact]
    public void Judge_JudgesNothingDueBeforeSince()
    {
        month.Snapshot.Results.Should().NotBeEmpty()
            .And.OnlyContain(r => ShippedRegime.Regime.Zone.DateOf(r.Obligation.Due) >= SampleMonth.Since);
    }

    [Fact]
    public void Judge_ListsForTriageTheMessagesThatLookLikeReportsButMatchNone()
    {
        var triage = month.Snapshot.Triage.Select(t => t.MessageId).ToList();
        var planted = new[]
        {
            "2026-11-19T1904-callcenter-daily-unknown-sender.eml",
            "2026-11-18T1722-cq-crm-weekly-work-summary.eml",
            "2026-11-20T1032-callcenter-weekly-and-monthly-check.eml",
        };
        var eligible = SampleMonth.Expected.Messages.Where(m => TriageReasons.Contains(m.Reason)).Select(m => MessageIdOf(m.File));

        triage.Should().Contain(planted.Select(MessageIdOf)).And.OnlyHaveUniqueItems();
        eligible.Should().Contain(triage, "replies, auto-replies and unauthenticated senders are not for triage");
        month.Snapshot.Triage.Should().BeInAscendingOrder(t => t.Received);
    }

    [Fact]
    public void Judge_AnOutsidersMailThatReadsLikeAReport_IsParsedAndListedForTriage()
    {
        const string file = "2026-11-10T0941-vendor-quality-monthly.eml";

        month.Store.Outcome(file).Should().NotBeNull("its subject names no report of the catalog, but 月报 reads like one");
        month.Snapshot.Triage.Should().Contain(t => t.MessageId == MessageIdOf(file) && t.Reason == "unknown-report");
    }

    [Fact]
    public void Judge_ListsAsUnauthenticatedTheMessagesThatFailedDmarc()
    {
        var dmarcFailed = SampleMonth.Expected.Faults.Where(f => f.Kind == "unauthenticated").Select(f => MessageIdOf(f.File!));

        month.Snapshot.Unauthenticated.Select(t => t.MessageId).Should().BeEquivalentTo(dmarcFailed);
        month.Snapshot.Unauthenticated.Should().OnlyContain(t => t.Reason == "unauthenticated-sender");
    }

    [Fact]
    public async Task Judge_AnUnauthenticatedReportAPersonAccepted_CountsAsItsSubmission()
    {
        const string file = "2026-11-09T1018-wy-sc-warranty-weekly-unauthenticated.eml";
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(SampleMonth.Morning);
        using var store = MailStore.Open(folder["mailops.db"], time);
        await SampleMonth.IngestAsync(store, folder, time);

        store.Accept(file, "李娜", "四川物业的外发中继，已电话核实");
        var snapshot = new Assessor(ShippedRegime.Regime, new AssessmentOptions { Since = SampleMonth.Since }).Judge(store, SampleMonth.Morning);

        var result = snapshot.Results.Should().ContainSingle(r => r.Obligation.Key == "warranty-weekly/wy-sc-warranty/2026-W45").Subject;
        result.Status.Should().Be(ObligationStatus.OnTime);
        result.Deduction.Should().Be(0);
        result.Counted!.MessageId.Should().Be(store.Outcome(file)!.MessageId);
        snapshot.Unauthenticated.Select(t => t.MessageId).Should().NotContain(store.Outcome(file)!.MessageId);
    }

    // What each kind of planted fault reads as: late is late; never sent, from an unknown sender or held unaccepted
    // is missing; incomplete or lacking a recipient is on time with its deduction; a forged copy beside the real
    // report costs nothing.
    private static ObligationStatus StatusOf(string kind, int deduction) => kind switch
    {
        "late" => ObligationStatus.Late,
        "missing" or "unknown-sender" => ObligationStatus.Missing,
        "unauthenticated" => deduction > 0 ? ObligationStatus.Missing : ObligationStatus.OnTime,
        "incomplete" or "recipients-missing" => ObligationStatus.OnTime,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private string MessageIdOf(string file) => month.Store.Outcome(file)?.MessageId ?? $"(no outcome stored for {file})";

    /// <summary>The sample month in one store, ingested once for the class.</summary>
    public sealed class JudgedSampleMonth : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _folder = new();
        private readonly FakeTimeProvider _time = new(SampleMonth.Morning);

        internal MailStore Store { get; private set; } = null!;

        internal Snapshot Snapshot { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Store = MailStore.Open(_folder["mailops.db"], _time);
            await SampleMonth.IngestAsync(Store, _folder, _time);
            Snapshot = new Assessor(ShippedRegime.Regime, new AssessmentOptions { Since = SampleMonth.Since }).Judge(Store, SampleMonth.Morning);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            Store.Dispose();
            _folder.Dispose();
        }
    }
}
