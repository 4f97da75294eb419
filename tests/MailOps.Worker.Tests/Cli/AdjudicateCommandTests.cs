using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;
using MailOps.Worker.Assessment;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops adjudicate</c> over a store holding the sample month: a person's judgement is kept with its reason and
/// author, audited under the author's name, and judged with; every mistake on the command line is refused naming the
/// option.
/// </summary>
public sealed class AdjudicateCommandTests : IDisposable
{
    private const string OnTimeDaily = "callcenter-daily/callcenter/2026-11-02";
    private const string HeldFile = "2026-11-09T1018-wy-sc-warranty-weekly-unauthenticated.eml";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Support.Cli.Now);

    public void Dispose() => _folder.Dispose();

    private Task<CliRun> AdjudicateAsync(params string[] options) =>
        Support.Cli.RunAsync(CliStore.Settings(_folder), ["adjudicate", .. options]);

    private MailStore OpenStore() => MailStore.Open(CliStore.StorePath(_folder), _time);

    // Judged at the instant the command ran: an entry counts from when it was recorded.
    private static ObligationResult Judged(MailStore store, string key) =>
        new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment()).Judge(store, Support.Cli.Now).Results.Single(r => r.Obligation.Key == key);

    private static string MessageIdOf(string file) =>
        MimeMessage.Load(Path.Combine(AppContext.BaseDirectory, "samples/inbox", file)).MessageId!;

    [Theory]
    [InlineData("wrong", 5)]
    [InlineData("concealed", 10)]
    public async Task Adjudicate_WrongOrConcealed_OnAReportInstance_IsRecordedAuditedAndJudgedWith(string kind, int points)
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await AdjudicateAsync("--kind", kind, "--obligation", OnTimeDaily, "--reason", "投诉量与工单系统不符", "--author", "周敏");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"{kind} {OnTimeDaily}, {points} point(s), by 周敏: 投诉量与工单系统不符");
        using var store = OpenStore();
        var entry = store.AllManualEntries().Should().ContainSingle().Subject;
        entry.Should().BeEquivalentTo(new { Kind = kind, Unit = "callcenter", ObligationKey = OnTimeDaily, EffectiveDate = "2026-11-02", Points = points, Reason = "投诉量与工单系统不符", Author = "周敏" });
        store.Audit().Should().ContainSingle(a => a.Action == "manual-entry")
            .Which.Should().BeEquivalentTo(new { Actor = "周敏", Target = OnTimeDaily }, "the audit trail names who decided");
        Judged(store, OnTimeDaily).Deduction.Should().Be(points, "the next judgement counts the person's entry");
    }

    [Fact]
    public async Task Adjudicate_AnAdditionalPenalty_IsRecordedOnTheUnitAndDay()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await AdjudicateAsync("--kind", "additional-penalty", "--unit", "cs-crm", "--points", "3", "--date", "2026-11-20", "--reason", "现场检查发现问题", "--author", "唐建国");

        run.ExitCode.Should().Be(0, run.Error);
        using var store = OpenStore();
        store.AllManualEntries().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Kind = "additional-penalty", Unit = "cs-crm", ObligationKey = (string?)null, EffectiveDate = "2026-11-20", Points = 3, Author = "唐建国" });
        store.Audit().Should().Contain(a => a.Action == "manual-entry" && a.Actor == "唐建国" && a.Target == "cs-crm");
    }

    [Fact]
    public async Task Adjudicate_AnAdditionalPenaltyWithoutADate_CountsToday()
    {
        var run = await AdjudicateAsync("--kind", "additional-penalty", "--unit", "cs-crm", "--points", "2", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(0, run.Error);
        using var store = OpenStore();
        store.AllManualEntries().Single().EffectiveDate.Should().Be("2026-11-24", "today in the regime's zone, from the injected clock");
    }

    [Theory]
    [InlineData("nonsense/callcenter/2026-11-02")]
    [InlineData("callcenter-daily/nowhere/2026-11-02")]
    [InlineData("callcenter-daily/callcenter/2026-13-02")]
    [InlineData("callcenter-daily")]
    public async Task Adjudicate_AnObligationTheRegimeDoesNotKnow_IsAUsageErrorNamingTheOption(string key)
    {
        var run = await AdjudicateAsync("--kind", "wrong", "--obligation", key, "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--obligation").And.Contain(key);
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("nothing is recorded");
    }

    [Fact]
    public async Task Adjudicate_AnObligationOfATypodYear_IsRefused_NamingTheNearestObligations()
    {
        const string key = "callcenter-daily/callcenter/2027-11-20";

        var run = await AdjudicateAsync("--kind", "wrong", "--obligation", key, "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2, run.Out);
        run.Out.Should().BeEmpty("nothing is recorded");
        run.Error.Should().Contain($"--obligation: \"{key}\" has not opened yet (it opens 2027-11-20 00:00, due 2027-11-20 21:00)")
            .And.Contain("did you mean callcenter-daily/callcenter/2026-11-20,");
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("nothing is recorded");
    }

    [Fact]
    public async Task Adjudicate_AnObligationTheRegimeDoesNotKnow_NamesTheNearestObligations()
    {
        var run = await AdjudicateAsync("--kind", "concealed", "--obligation", "callcenter-daly/callcenter/2026-11-02", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("is not a report instance the regime knows").And.Contain("did you mean callcenter-daily/callcenter/2026-11-02");
    }

    [Fact]
    public async Task Adjudicate_AnObligationOfAReportTheUnitDoesNotOwe_IsAUsageErrorNamingTheOption()
    {
        const string key = "callcenter-daily/cq-crm/2026-11-02";

        var run = await AdjudicateAsync("--kind", "wrong", "--obligation", key, "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--obligation").And.Contain(key);
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("nothing is recorded");
    }

    [Fact]
    public async Task Adjudicate_WrongWithoutAnObligation_IsAUsageErrorNamingTheOption()
    {
        var run = await AdjudicateAsync("--kind", "wrong", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--obligation");
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("")]
    public async Task Adjudicate_AnAdditionalPenaltyOnAnUnknownUnit_IsAUsageErrorNamingTheOption(string unit)
    {
        var run = await AdjudicateAsync("--kind", "additional-penalty", "--unit", unit, "--points", "3", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--unit").And.Contain("cs-crm", "the known units are listed");
    }

    [Theory]
    [InlineData()]
    [InlineData("--points", "0")]
    [InlineData("--points", "101")]
    [InlineData("--points", "-5")]
    public async Task Adjudicate_AnAdditionalPenaltyWithoutItsPoints_IsAUsageErrorNamingTheOption(params string[] points)
    {
        var run = await AdjudicateAsync(["--kind", "additional-penalty", "--unit", "cs-crm", .. points, "--reason", "r", "--author", "a"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--points");
    }

    [Fact]
    public async Task Adjudicate_AnAdditionalPenaltyOnADateThatIsNotOne_IsAUsageErrorNamingTheOption()
    {
        var run = await AdjudicateAsync("--kind", "additional-penalty", "--unit", "cs-crm", "--points", "3", "--date", "2026-02-30", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--date").And.Contain("2026-02-30");
    }

    [Theory]
    [InlineData("--reason", " ", "--author", "周敏")]
    [InlineData("--reason", "why", "--author", "  ")]
    [InlineData("--reason", "", "--author", "周敏")]
    public async Task Adjudicate_ABlankReasonOrAuthor_IsAUsageErrorNamingTheOption(string reasonOption, string reason, string authorOption, string author)
    {
        var run = await AdjudicateAsync("--kind", "wrong", "--obligation", OnTimeDaily, reasonOption, reason, authorOption, author);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(string.IsNullOrWhiteSpace(reason) ? "--reason" : "--author");
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("nothing is recorded");
    }

    [Theory]
    [InlineData("--reason")]
    [InlineData("--author")]
    public async Task Adjudicate_WithoutAReasonOrAnAuthor_IsAUsageErrorNamingTheOption(string left)
    {
        string[] options = ["--kind", "wrong", "--obligation", OnTimeDaily, "--reason", "why", "--author", "周敏"];
        var index = Array.IndexOf(options, left);

        var run = await AdjudicateAsync([.. options[..index], .. options[(index + 2)..]]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(left);
    }

    [Fact]
    public async Task Adjudicate_AnUnknownKind_IsAUsageErrorNamingTheOption()
    {
        var run = await AdjudicateAsync("--kind", "forgiven", "--obligation", OnTimeDaily, "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--kind").And.Contain("forgiven");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Adjudicate_AcceptingAHeldUnauthenticatedReport_MakesItTheUnitsSubmission(bool angleBrackets)
    {
        await CliStore.IngestSampleMonthAsync(_folder);
        const string key = "warranty-weekly/wy-sc-warranty/2026-W45";
        using (var before = OpenStore())
        {
            Judged(before, key).Status.Should().Be(ObligationStatus.Missing, "the unit's only copy is held");
        }

        var id = MessageIdOf(HeldFile);
        var run = await AdjudicateAsync("--kind", "accept", "--message", angleBrackets ? $"<{id}>" : id, "--reason", "连杰确认经外部中继发送", "--author", "周敏");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"as {key}, by 周敏");
        using var store = OpenStore();
        var result = Judged(store, key);
        result.Status.Should().Be(ObligationStatus.OnTime);
        result.Deduction.Should().Be(0);
        store.Audit().Should().ContainSingle(a => a.Action == "submission-accepted").Which.Should().BeEquivalentTo(new { Actor = "周敏", Detail = "连杰确认经外部中继发送" });
    }

    [Theory]
    [InlineData("2026-11-01T2017-callcenter-daily.eml")]
    [InlineData("2026-11-18T1722-cq-crm-weekly-work-summary.eml")]
    public async Task Adjudicate_AcceptingAMessageThatIsNotHeld_IsAUsageErrorNamingTheOption(string file)
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await AdjudicateAsync("--kind", "accept", "--message", MessageIdOf(file), "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--message").And.Contain(MessageIdOf(file));
        using var store = OpenStore();
        store.Audit().Should().NotContain(a => a.Action == "submission-accepted");
    }

    [Fact]
    public async Task Adjudicate_AcceptingWithoutAMessage_IsAUsageErrorNamingTheOption()
    {
        var run = await AdjudicateAsync("--kind", "accept", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--message");
    }

    [Fact]
    public async Task Adjudicate_Revoke_WithdrawsAJudgement_WhichStopsCounting_ButStaysListedAndInTheAuditTrail()
    {
        await CliStore.IngestSampleMonthAsync(_folder);
        (await AdjudicateAsync("--kind", "wrong", "--obligation", OnTimeDaily, "--reason", "投诉量与工单系统不符", "--author", "周敏")).ExitCode.Should().Be(0);

        var run = await AdjudicateAsync("--kind", "revoke", "--entry", "1", "--reason", "核实后数据无误", "--author", "李娜");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"Revoked entry 1: wrong {OnTimeDaily}, 5 point(s), by 周敏: 投诉量与工单系统不符; revoked by 李娜: 核实后数据无误");
        using var store = OpenStore();
        var entry = store.AllManualEntries().Should().ContainSingle("a revoked judgement is kept").Subject;
        entry.Should().BeEquivalentTo(new { Id = 1, Kind = "wrong", Reason = "投诉量与工单系统不符", Author = "周敏", RevokedBy = "李娜", RevokeReason = "核实后数据无误" });
        entry.RevokedAt.Should().Be(Support.Cli.Now);
        store.Audit().Where(a => a.Target == OnTimeDaily).Select(a => (a.Actor, a.Action)).Should().Equal(("周敏", "manual-entry"), ("李娜", "manual-entry-revoked"));
        var judged = Judged(store, OnTimeDaily);
        judged.Deduction.Should().Be(0, "a revoked judgement no longer counts");
        judged.Findings.Should().ContainSingle("it stays listed with the obligation").Which.Should().Match<AssessedFinding>(f =>
            f.Kind == FindingKind.Wrong && f.Points == 0 && f.Revoked != null && f.Revoked.By == "李娜" && f.Revoked.Reason == "核实后数据无误" && f.Revoked.At == Support.Cli.Now);
    }

    [Fact]
    public async Task Adjudicate_RevokingAnAdditionalPenalty_TakesItOutOfTheScore()
    {
        (await AdjudicateAsync("--kind", "additional-penalty", "--unit", "cs-crm", "--points", "3", "--date", "2026-11-20", "--reason", "现场检查发现问题", "--author", "唐建国")).ExitCode.Should().Be(0);
        using (var before = OpenStore())
        {
            Penalties(before).Should().Be(3);
        }

        var run = await AdjudicateAsync("--kind", "revoke", "--entry", "1", "--reason", "复查后撤销", "--author", "周敏");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Revoked entry 1: additional-penalty cs-crm, 3 point(s), by 唐建国: 现场检查发现问题; revoked by 周敏: 复查后撤销");
        using var store = OpenStore();
        Penalties(store).Should().Be(0, "the revoked penalty counts nowhere");
        store.AllManualEntries().Should().ContainSingle().Which.RevokedBy.Should().Be("周敏");
    }

    private static int Penalties(MailStore store)
    {
        var snapshot = new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment()).Judge(store, Support.Cli.Now);
        return new ScoreCalculator(ShippedRegime.Regime.Zone, ScoringPolicy.Default)
            .Score("cs-crm", Compliance.Deadlines.Period.Month(2026, 11), snapshot.Results, snapshot.Entries).AdditionalPenalties;
    }

    [Fact]
    public async Task Adjudicate_RevokingAnEntryThatDoesNotExist_IsAUsageErrorNamingTheEntry()
    {
        (await AdjudicateAsync("--kind", "additional-penalty", "--unit", "cs-crm", "--points", "3", "--reason", "r", "--author", "a")).ExitCode.Should().Be(0);

        var run = await AdjudicateAsync("--kind", "revoke", "--entry", "4", "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--entry: there is no entry 4: the entries recorded are 1 to 1.");
        using var store = OpenStore();
        store.AllManualEntries().Single().RevokedAt.Should().BeNull();
    }

    [Fact]
    public async Task Adjudicate_RevokingAnEntryTwice_IsAUsageErrorNamingTheEntryAndWhoRevokedIt()
    {
        (await AdjudicateAsync("--kind", "additional-penalty", "--unit", "cs-crm", "--points", "3", "--reason", "r", "--author", "a")).ExitCode.Should().Be(0);
        (await AdjudicateAsync("--kind", "revoke", "--entry", "1", "--reason", "误录", "--author", "周敏")).ExitCode.Should().Be(0);

        var run = await AdjudicateAsync("--kind", "revoke", "--entry", "1", "--reason", "again", "--author", "李娜");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--entry: entry 1 (additional-penalty cs-crm) was already revoked by 周敏 at 2026-11-24 02:00:00 UTC: 误录");
        using var store = OpenStore();
        store.AllManualEntries().Single().RevokedBy.Should().Be("周敏", "the first revocation stands");
    }

    [Theory]
    [InlineData()]
    [InlineData("--entry", "0")]
    [InlineData("--entry", "-1")]
    public async Task Adjudicate_RevokeWithoutAnEntryNumber_IsAUsageErrorNamingTheOption(params string[] entry)
    {
        var run = await AdjudicateAsync(["--kind", "revoke", .. entry, "--reason", "r", "--author", "a"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--entry");
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("nothing is recorded");
    }

    [Fact]
    public async Task Adjudicate_WhileAnotherProcessHoldsTheStore_IsUnavailable_AndSaysARunningWorkerMayHoldIt()
    {
        using var held = OpenStore();

        var run = await AdjudicateAsync("--kind", "wrong", "--obligation", OnTimeDaily, "--reason", "r", "--author", "a");

        run.ExitCode.Should().Be(69);
        run.Error.Should().Contain(CliStore.StorePath(_folder)).And.Contain("a running worker (mailops run) may hold the store");
        held.AllManualEntries().Should().BeEmpty();
    }
}
