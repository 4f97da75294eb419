using System.Text.Json;
using System.Text.RegularExpressions;
using MailOps.Worker.Tests.Support;
using MimeKit;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops evaluate --inbox DIR --as-of T [--since D] [--json]</c> over the sample month, judged on the morning
/// after it (2026-11-24 09:00): the JSON contract of the README, the planted faults of <c>samples/expected.json</c>,
/// the per-unit deductions of <c>samples/inbox/README.md</c>, and the command-line mistakes it refuses.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private const string Morning = "2026-11-24T09:00";

    // The sample month judged once for the whole class: the inbox does not change, and judging it is not free.
    private static readonly Lazy<Task<CliRun>> SampleJson = new(() => EvaluateSampleAsync("--as-of", Morning, "--json"));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<CliRun> EvaluateSampleAsync(params string[] options)
    {
        using var folder = new TempFolder();
        var inbox = SampleMonth.CopyInbox(folder["inbox"]);
        return await Support.Cli.RunAsync(["evaluate", "--inbox", inbox, .. options]);
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private static JsonElement Obligation(JsonElement document, string report, string unit, string period) =>
        document.GetProperty("obligations").EnumerateArray().Single(o =>
            o.GetProperty("report").GetString() == report && o.GetProperty("unit").GetString() == unit && o.GetProperty("period").GetString() == period);

    [Fact]
    public async Task Evaluate_Json_HasTheShapeOfTheReadmesContract()
    {
        var run = await SampleJson.Value;

        run.ExitCode.Should().Be(0, run.Error);
        var document = run.Json;
        Names(document).Should().Contain(["obligations", "unmatched", "scores"]);
        var obligations = document.GetProperty("obligations").EnumerateArray().ToList();
        obligations.Should().NotBeEmpty().And.OnlyContain(o => Names(o).SequenceEqual(new[]
        {
            "report", "unit", "period", "due", "status", "workingDaysLate", "deduction", "findings", "messageId", "received", "sender", "afterBooksClosed",
        }));
        obligations.SelectMany(o => o.GetProperty("findings").EnumerateArray())
            .Should().NotBeEmpty().And.OnlyContain(f => Names(f).SequenceEqual(new[] { "kind", "detail", "detailEn", "points" }));
        document.GetProperty("unmatched").EnumerateArray()
            .Should().NotBeEmpty().And.OnlyContain(u => Names(u).SequenceEqual(new[] { "messageId", "reason", "detail", "from", "subject", "received" }));
        document.GetProperty("scores").EnumerateArray()
            .Should().NotBeEmpty().And.OnlyContain(s => Names(s).SequenceEqual(new[] { "unit", "period", "score", "deductions", "obligationsDue", "obligationsFaulted" }));
    }

    [Fact]
    public async Task Evaluate_Json_GivesInstantsWithTheirOffset_AndTheCountedMessage()
    {
        var run = await SampleJson.Value;

        var daily = Obligation(run.Json, "callcenter-daily", "callcenter", "2026-11-01");
        daily.GetProperty("due").GetString().Should().Be("2026-11-01T21:00:00+08:00");
        daily.GetProperty("status").GetString().Should().Be("on-time");
        daily.GetProperty("workingDaysLate").GetInt32().Should().Be(0);
        daily.GetProperty("received").GetString().Should().Be("2026-11-01T20:17:07+08:00");
        daily.GetProperty("sender").GetString().Should().Be("chen.xue@callcenter.example.com");
        daily.GetProperty("messageId").GetString().Should().StartWith("<").And.EndWith(">");
        var missing = Obligation(run.Json, "callcenter-daily", "callcenter", "2026-11-14");
        missing.GetProperty("messageId").ValueKind.Should().Be(JsonValueKind.Null, "nothing was counted for a missing report");
        missing.GetProperty("received").ValueKind.Should().Be(JsonValueKind.Null);
        missing.GetProperty("sender").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("late", "late")]
    [InlineData("missing", "missing")]
    [InlineData("unknown-sender", "missing")]
    [InlineData("recipients-missing", "on-time")]
    [InlineData("incomplete", "on-time")]
    public async Task Evaluate_Json_ShowsEveryPlantedFault_WithItsStatusAndDeduction(string kind, string status)
    {
        var run = await SampleJson.Value;
        var faults = SampleMonth.Expected.Faults.Where(f => f.Kind == kind).ToList();

        faults.Should().NotBeEmpty();
        foreach (var fault in faults)
        {
            var result = Obligation(run.Json, fault.Report!, fault.Unit!, fault.Period!);
            var because = $"{fault.Report}/{fault.Unit}/{fault.Period}: {fault.What}";
            result.GetProperty("status").GetString().Should().Be(status, because);
            result.GetProperty("deduction").GetInt32().Should().Be(fault.Deduction, because);
            if (kind is "recipients-missing" or "incomplete")
            {
                result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Should().Contain(kind, because);
            }
        }
    }

    [Fact]
    public async Task Evaluate_Json_LateReports_CountTheirWorkingDaysLate()
    {
        var run = await SampleJson.Value;

        Obligation(run.Json, "warranty-monthly", "wy-hz-warranty", "2026-10").GetProperty("workingDaysLate").GetInt32().Should().Be(3);
        Obligation(run.Json, "callcenter-weekly", "callcenter", "2026-W45").GetProperty("workingDaysLate").GetInt32().Should().Be(2);
        Obligation(run.Json, "callcenter-daily", "callcenter", "2026-11-06").GetProperty("workingDaysLate").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Evaluate_Json_AnUnauthenticatedOnlyCopy_IsMissing_AndAForgedCopyBesideTheRealOne_CostsNothing()
    {
        var run = await SampleJson.Value;

        var held = Obligation(run.Json, "warranty-weekly", "wy-sc-warranty", "2026-W45");
        held.GetProperty("status").GetString().Should().Be("missing");
        held.GetProperty("deduction").GetInt32().Should().Be(10);
        var forged = Obligation(run.Json, "callcenter-daily", "callcenter", "2026-11-20");
        forged.GetProperty("status").GetString().Should().Be("on-time");
        forged.GetProperty("deduction").GetInt32().Should().Be(0);
        forged.GetProperty("sender").GetString().Should().Be("chen.xue@callcenter.example.com", "the unit's own report is the one counted");
    }

    [Theory]
    [InlineData("2026-11-09T1018-wy-sc-warranty-weekly-unauthenticated.eml")]
    [InlineData("2026-11-20T2220-callcenter-daily-forged.eml")]
    [InlineData("2026-11-19T1904-callcenter-daily-unknown-sender.eml")]
    [InlineData("2026-11-18T1722-cq-crm-weekly-work-summary.eml")]
    [InlineData("2026-11-20T1032-callcenter-weekly-and-monthly-check.eml")]
    public async Task Evaluate_Json_ListsAPlantedUnmatchedOrHeldMessage_WithItsReason(string file) =>
        await ShouldListAsUnmatched(file);

    [Fact]
    public async Task Evaluate_Json_ListsTheConsultancysMonthlyReport_AsUnmatched() =>
        await ShouldListAsUnmatched("2026-11-10T0941-vendor-quality-monthly.eml");

    private static async Task ShouldListAsUnmatched(string file)
    {
        var run = await SampleJson.Value;
        var unmatched = run.Json.GetProperty("unmatched").EnumerateArray()
            .ToDictionary(u => u.GetProperty("messageId").GetString()!, u => u.GetProperty("reason").GetString());
        var fault = SampleMonth.Expected.Faults.Single(f => f.File == file);
        var expected = SampleMonth.Expected.Messages.Single(m => m.File == file);
        var messageId = $"<{MimeMessage.Load(Path.Combine(AppContext.BaseDirectory, "samples/inbox", file)).MessageId}>";

        expected.Matched.Should().BeFalse();
        unmatched.Should().ContainKey(messageId, fault.What).WhoseValue.Should().Be(expected.Reason, fault.What);
    }

    [Fact]
    public async Task Evaluate_Json_TheMonthsScores_AgreeWithTheSampleInboxReadme()
    {
        var run = await SampleJson.Value;
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples/inbox/README.md"));
        var expected = Regex.Matches(readme, @"^\| ([a-z-]+) \([^)]*\) \| (\d+) \| (\d+) \|$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        var november = run.Json.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("period").GetString() == "2026-11").ToList();

        expected.Should().HaveCount(12, "the README lists the 12 assessed units");
        november.Select(s => s.GetProperty("unit").GetString()).Should().BeEquivalentTo(expected.Keys);
        foreach (var score in november)
        {
            var unit = score.GetProperty("unit").GetString()!;
            score.GetProperty("deductions").GetInt32().Should().Be(expected[unit], unit);
            score.GetProperty("score").GetInt32().Should().Be(100 - expected[unit], unit);
        }

        run.Json.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("period").GetString()).Distinct()
            .Should().BeEquivalentTo(["2026-11", "2026-Q4"], "the month and the quarter of T");
    }

    [Theory]
    [InlineData("2026-11-24T09:00", "2026-09-20", "2026-09 2026-10 2026-11 2026-Q3 2026-Q4", "from the first due date through the end of T's week")]
    [InlineData("2026-11-30T09:00", "2026-11-01", "2026-11 2026-12 2026-Q4", "T's week runs into December")]
    public async Task Evaluate_Json_ScoresEveryMonthAndQuarterTheJudgedWindowTouches(string asOf, string since, string periods, string why)
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path, "--as-of", asOf, "--since", since, "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var scores = run.Json.GetProperty("scores").EnumerateArray().ToList();
        scores.Select(s => s.GetProperty("period").GetString()).Distinct().Should().Equal(periods.Split(' '), why);
        scores.GroupBy(s => s.GetProperty("period").GetString()).Should().OnlyContain(g => g.Count() == 12, "every assessed unit in every period");
    }

    [Fact]
    public async Task Evaluate_ASinceAfterTheAsOfInstant_SaysSoOnStandardErrorAndInTheJsonWarnings()
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path, "--as-of", Morning, "--since", "2026-12-01", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        const string warning = "--since 2026-12-01 is after the as-of instant 2026-11-24 09:00: no obligation due by then is judged.";
        run.Error.Should().Contain($"mailops: warning: {warning}");
        run.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().Equal(warning);
        run.Json.GetProperty("obligations").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Evaluate_ASettingSinceAfterTheAsOfInstant_NamesTheSettingOnStandardError()
    {
        var settings = new Dictionary<string, string?> { ["MailOps:Assessment:Since"] = "2026-11-25" };

        var run = await Support.Cli.RunAsync(settings, "evaluate", "--inbox", _folder.Path, "--as-of", Morning);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("mailops: warning: MailOps:Assessment:Since 2026-11-25 is after the as-of instant 2026-11-24 09:00: no obligation due by then is judged.");
        run.Out.Should().Contain("0 on time, 0 late, 0 overdue, 0 missing", "what falls due later in T's week is only pending");
    }

    [Fact]
    public async Task Evaluate_ASinceOnTheAsOfDay_IsNoWarning()
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path, "--as-of", Morning, "--since", "2026-11-24", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
        run.Json.GetProperty("warnings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Evaluate_WithoutJson_EndsWithTheSummary()
    {
        var run = await EvaluateSampleAsync("--as-of", Morning);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("wy-hz-warranty").And.Contain("warranty-monthly");
        // 17 not matched: the four meeting invitations are read for events too (two of HQ's own 例会, quiet; a
        // delivery review HQ organised, held for a person; Wuxi's customer activity, declared) besides the 13
        // messages that look like reports.
        Regex.Replace(run.Out, @"\s+", " ").TrimEnd().Should().EndWith(
            "85 message(s) read; 77 obligation(s) due 2026-11-01 to 2026-11-29: 57 on time, 6 late, 0 overdue, 6 missing, 8 pending; 19 with deductions; 17 message(s) not matched.");
    }

    [Fact]
    public async Task Evaluate_WithoutJson_TheSummaryIsOneLine()
    {
        var run = await EvaluateSampleAsync("--as-of", Morning);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.TrimEnd().Split('\n')[^1].TrimEnd().Should().MatchRegex(@"^85 message\(s\) read; .* 17 message\(s\) not matched\.$");
    }

    [Fact]
    public async Task Evaluate_AnInstantWithItsOffset_ReadsTheSameAsTheLocalOne()
    {
        var local = await SampleJson.Value;
        var withOffset = await EvaluateSampleAsync("--as-of", "2026-11-24T01:00Z", "--json");

        withOffset.ExitCode.Should().Be(0, withOffset.Error);
        DateTimeOffset.Parse(withOffset.Json.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)));
        withOffset.Json.GetProperty("obligations").GetRawText().Should().Be(local.Json.GetProperty("obligations").GetRawText());
        withOffset.Json.GetProperty("scores").GetRawText().Should().Be(local.Json.GetProperty("scores").GetRawText());
    }

    [Fact]
    public async Task Evaluate_Since_StartsTheAssessmentOnThatDay()
    {
        var run = await EvaluateSampleAsync("--as-of", Morning, "--since", "2026-11-16", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Json.GetProperty("from").GetString().Should().Be("2026-11-16");
        run.Json.GetProperty("obligations").EnumerateArray()
            .Should().OnlyContain(o => DateTimeOffset.Parse(o.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task Evaluate_Json_AReportReceivedAfterItsQuartersBooksClosed_IsTheMissingObligationsEvidence()
    {
        const string id = "books-closed@callcenter.example.com";
        Eml.Drop(_folder["inbox"], "late.eml", Eml.Daily(id, receivedAt: "2026-10-12T10:00:00+08:00", day: "2026-09-30"));

        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder["inbox"], "--as-of", "2026-10-12T12:00", "--since", "2026-09-28", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var result = Obligation(run.Json, "callcenter-daily", "callcenter", "2026-09-30");
        result.GetProperty("status").GetString().Should().Be("missing", "a report after the books closed does not count");
        result.GetProperty("deduction").GetInt32().Should().Be(10);
        result.GetProperty("messageId").ValueKind.Should().Be(JsonValueKind.Null, "nothing was counted");
        var evidence = result.GetProperty("afterBooksClosed");
        evidence.GetProperty("messageId").GetString().Should().Be($"<{id}>");
        evidence.GetProperty("received").GetString().Should().Be("2026-10-12T10:00:00+08:00");
        evidence.GetProperty("sender").GetString().Should().Be("chen.xue@callcenter.example.com");
        evidence.GetProperty("booksClosed").GetString().Should().Be("2026-10-10T00:00:00+08:00");
        result.GetProperty("findings").EnumerateArray().Single().GetProperty("detailEn").GetString()
            .Should().Be("missing: due 2026-09-30 21:00; received 2026-10-12 10:00, after the quarter's books closed at 2026-10-10 00:00");
        run.Json.GetProperty("unmatched").GetArrayLength().Should().Be(0, "the report was matched, so it is not unmatched either");
        Obligation(run.Json, "callcenter-daily", "callcenter", "2026-10-12").GetProperty("afterBooksClosed").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Evaluate_WithoutJson_AReportReceivedAfterItsQuartersBooksClosed_IsShownWithTheMissingObligation()
    {
        const string id = "books-closed@callcenter.example.com";
        Eml.Drop(_folder["inbox"], "late.eml", Eml.Daily(id, receivedAt: "2026-10-12T10:00:00+08:00", day: "2026-09-30"));

        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder["inbox"], "--as-of", "2026-10-12T12:00", "--since", "2026-09-28");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Split('\n').Select(l => l.Trim()).Should().Contain(
            $"callcenter-daily/callcenter/2026-09-30 (missing): <{id}> from chen.xue@callcenter.example.com, received 2026-10-12 10:00, after the books closed at 2026-10-10 00:00",
            "the late mail is shown as the missing obligation's evidence, on one line");
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-24T25:00")]
    public async Task Evaluate_AnAsOfThatIsNotAnInstant_IsAUsageErrorNamingTheOption(string asOf)
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path, "--as-of", asOf);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--as-of").And.Contain(asOf);
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task Evaluate_WithoutAsOf_IsAUsageErrorNamingTheOption()
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--as-of");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("11/01/2026")]
    [InlineData("soon")]
    public async Task Evaluate_ASinceThatIsNotADate_IsAUsageErrorNamingTheOption(string since)
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path, "--as-of", Morning, "--since", since);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--since").And.Contain(since);
    }

    [Fact]
    public async Task Evaluate_AnInboxThatDoesNotExist_IsUnavailable_NamingTheFolder()
    {
        var missing = _folder["no-such-inbox"];

        var run = await Support.Cli.RunAsync("evaluate", "--inbox", missing, "--as-of", Morning, "--json");

        run.ExitCode.Should().Be(69);
        run.Error.Should().Contain("--inbox").And.Contain(missing);
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task Evaluate_AnEmptyInbox_JudgesEveryObligationMissingOrPending()
    {
        var run = await Support.Cli.RunAsync("evaluate", "--inbox", _folder.Path, "--as-of", Morning, "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Json.GetProperty("unmatched").GetArrayLength().Should().Be(0);
        run.Json.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("status").GetString())
            .Should().OnlyContain(s => s == "missing" || s == "pending" || s == "overdue");
    }
}
