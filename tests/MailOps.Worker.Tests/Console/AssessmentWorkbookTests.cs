using System.Globalization;
using System.Net;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using MailOps.Worker.Web;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// <c>mailops export</c> writes the 考核表 of a month or a quarter, read back here with DocumentFormat.OpenXml (the
/// library the parser reads workbooks with): a row per assessed unit with its rank and score, every fault with its
/// deduction and evidence; the Scores page gives the same file.
/// </summary>
public sealed class AssessmentWorkbookTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExportMonth_WritesEveryAssessedUnitWithRankAndScore_AndEveryFaultWithItsEvidence()
    {
        await IngestSampleAsync();

        var run = await Support.Cli.RunAsync(Settings(), "export", "--month", "2026-11", "--out", _folder["month.xlsx"]);
        var summary = Rows(_folder["month.xlsx"], AssessmentWorkbook.SummarySheet);
        var faults = Rows(_folder["month.xlsx"], AssessmentWorkbook.FaultSheet);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Wrote the 考核表 of 2026-11");
        summary[0][0].Should().Contain("报送考核表").And.Contain("2026年11月");
        var units = summary.Skip(4).ToList();
        units.Should().HaveCount(12, "the sample organisation assesses 12 units");
        var changsha = units.Single(r => r[2] == "cs-crm");
        changsha[1].Should().Be("长沙公司客户关系部");
        changsha[5].Should().Be("30", "Changsha's month so far: 30 points deducted");
        changsha[7].Should().Be("70");
        units.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
        foreach (var unit in units)
        {
            faults.Skip(1).Where(f => f[1] == unit[2]).Sum(f => int.Parse(f[8], CultureInfo.InvariantCulture))
                .Should().Be(int.Parse(unit[5], CultureInfo.InvariantCulture), "{0}'s faults add up to its deductions", unit[2]);
        }

        var late = faults.Single(f => f[3] == "callcenter-daily/callcenter/2026-11-06");
        late[6].Should().Be("迟报");
        late[7].Should().Be("1");
        late[9].Should().Contain("callcenter.example.com", "the evidence names the sender");
        late[11].Should().NotBeEmpty("and the Message-ID");
    }

    [Fact]
    public async Task ExportQuarter_RanksByTheMeanOfItsMonths_AndListsAnAdditionalPenalty()
    {
        await IngestSampleAsync();
        using (var store = MailStore.Open(_folder["mailops.db"], new FakeTimeProvider(Support.Cli.Now)))
        {
            store.AddManualEntry(new StoredManualEntry { Kind = "additional-penalty", Unit = "cq-crm", EffectiveDate = "2026-11-20", Points = 3, Reason = "重大投诉处置不力", Author = "李娜" });
        }

        var run = await Support.Cli.RunAsync(Settings(), "export", "--quarter", "2026-Q4", "--out", _folder["quarter.xlsx"]);
        var summary = Rows(_folder["quarter.xlsx"], AssessmentWorkbook.SummarySheet);
        var faults = Rows(_folder["quarter.xlsx"], AssessmentWorkbook.FaultSheet);

        run.ExitCode.Should().Be(0, run.Error);
        summary[3].Should().Contain("月均得分 Mean monthly score");
        summary.Skip(4).Should().HaveCount(12);
        summary.Skip(4).Select(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)).Should().BeInDescendingOrder();
        faults.Should().Contain(f => f[1] == "cq-crm" && f[2] == "追加处罚" && f[8] == "3" && f[12] == "重大投诉处置不力");
    }

    [Theory]
    [InlineData("--month", "2026-13", "mailops: --month: \"2026-13\" is not a month such as 2026-11.")]
    [InlineData("--month", "2026-Q4", "mailops: --month: \"2026-Q4\" is not a month such as 2026-11.")]
    [InlineData("--quarter", "2026-11", "mailops: --quarter: \"2026-11\" is not a quarter such as 2026-Q4.")]
    public async Task Export_WithAPeriodOfTheWrongKind_SaysWhatItNeeds(string option, string value, string error)
    {
        var run = await Support.Cli.RunAsync(Settings(), "export", option, value, "--out", _folder["x.xlsx"]);

        run.ExitCode.Should().Be(2);
        run.Error.Trim().Should().Be(error);
        File.Exists(_folder["x.xlsx"]).Should().BeFalse();
    }

    [Fact]
    public async Task TheScoresPage_GivesTheSameWorkbookAsTheCommand()
    {
        await IngestSampleAsync();
        await Support.Cli.RunAsync(Settings(), "export", "--quarter", "2026-Q4", "--out", _folder["command.xlsx"]);
        await using var console = await RunningConsole.StartAsync();
        using var client = await console.SignedInAsync();

        using var answer = await client.GetAsync("/scores?handler=Export&period=2026-Q4");
        await File.WriteAllBytesAsync(_folder["page.xlsx"], await answer.Content.ReadAsByteArrayAsync());

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.Should().Be(AssessmentWorkbook.ContentType);
        answer.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("考核表-2026-Q4.xlsx");
        Rows(_folder["page.xlsx"], AssessmentWorkbook.SummarySheet).Should().BeEquivalentTo(Rows(_folder["command.xlsx"], AssessmentWorkbook.SummarySheet), o => o.WithStrictOrdering());
        Rows(_folder["page.xlsx"], AssessmentWorkbook.FaultSheet).Should().BeEquivalentTo(Rows(_folder["command.xlsx"], AssessmentWorkbook.FaultSheet), o => o.WithStrictOrdering());
    }

    private async Task IngestSampleAsync()
    {
        var time = new FakeTimeProvider(Support.Cli.Now);
        using var store = MailStore.Open(_folder["mailops.db"], time);
        await SampleMonth.IngestAsync(store, _folder, time);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["MailOps:Store:Path"] = _folder["mailops.db"],
        ["MailOps:Mailbox:Folder:Inbox"] = _folder["inbox"],
        ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
    };

    private static List<List<string>> Rows(string path, string sheet) => Workbooks.Rows(path, sheet);
}
