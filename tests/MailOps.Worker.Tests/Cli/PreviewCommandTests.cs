using MailOps.Worker.Tests.Support;
using MimeKit;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops preview --as-of T --out DIR [--inbox DIR]</c>: one mail of every kind as it would read at T, each as
/// HTML, plain text and a whole message; sends nothing.
/// </summary>
public sealed class PreviewCommandTests : IDisposable
{
    private static readonly string[] Kinds = ["digest", "nudge", "overdue", "monthly", "quarterly"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<CliRun> PreviewSampleMonthAsync()
    {
        var inbox = SampleMonth.CopyInbox(_folder["inbox"]);
        return await Support.Cli.RunAsync("preview", "--as-of", "2026-11-24T09:00", "--out", _folder["preview"], "--inbox", inbox);
    }

    [Fact]
    public async Task Preview_WritesEveryKind_AsHtmlTextAndEml()
    {
        var run = await PreviewSampleMonthAsync();

        run.ExitCode.Should().Be(0, run.Error);
        Directory.EnumerateFiles(_folder["preview"]).Select(Path.GetFileName)
            .Should().BeEquivalentTo(Kinds.SelectMany(k => new[] { $"{k}.html", $"{k}.txt", $"{k}.eml" }));
        Kinds.Should().OnlyContain(k => new FileInfo(Path.Combine(_folder["preview"], $"{k}.html")).Length > 0 && new FileInfo(Path.Combine(_folder["preview"], $"{k}.txt")).Length > 0);
        run.Out.Should().Contain("Wrote 5 preview(s)");
    }

    [Theory]
    [InlineData("digest", "【报送日报】示例集团 2026-11-24")]
    [InlineData("nudge", "【报送提醒】")]
    [InlineData("overdue", "【逾期未报】")]
    [InlineData("monthly", "【月度考核】示例集团")]
    [InlineData("quarterly", "【季度考核】示例集团")]
    public async Task Preview_EachEml_ParsesWithMimeKit_AndIsMarkedAsGeneratedByMailOps(string kind, string subject)
    {
        var run = await PreviewSampleMonthAsync();
        run.ExitCode.Should().Be(0, run.Error);

        using var message = await MimeMessage.LoadAsync(Path.Combine(_folder["preview"], $"{kind}.eml"));

        message.Headers["X-MailOps-Generated"].Should().Be(kind);
        message.Subject.Should().StartWith(subject);
        message.From.Mailboxes.Single().Address.Should().Be("reports@hq.example.com");
        message.To.Mailboxes.Should().ContainSingle();
        message.HtmlBody.Should().NotBeNullOrWhiteSpace();
        message.TextBody.Should().Be(await File.ReadAllTextAsync(Path.Combine(_folder["preview"], $"{kind}.txt")));
        run.Out.Should().Contain(message.Subject);
    }

    [Theory]
    [InlineData("digest", null)]
    [InlineData("nudge", null)]
    [InlineData("monthly", "考核表-2026-11.xlsx")]
    [InlineData("quarterly", "考核表-2026-Q4.xlsx")]
    public async Task Preview_TheMonthlyAndTheQuarterly_CarryTheirWorkbookAsTheMailWould(string kind, string? workbook)
    {
        var run = await PreviewSampleMonthAsync();
        run.ExitCode.Should().Be(0, run.Error);

        using var message = await MimeMessage.LoadAsync(Path.Combine(_folder["preview"], $"{kind}.eml"));

        message.Attachments.OfType<MimePart>().Select(a => a.FileName).Should().Equal(workbook is null ? [] : [workbook], "October and Q3 were not assessed, so the previews are of November and Q4 so far");
    }

    [Fact]
    public async Task Preview_TheOverdueNotice_IsOfAReportOverdueButNotYetMissing()
    {
        // At 09:00 on the 24th no overdue notice is due; the weekly report of 11-02 that wy-hz never sent is long missing.
        var run = await PreviewSampleMonthAsync();
        run.ExitCode.Should().Be(0, run.Error);

        var text = await File.ReadAllTextAsync(Path.Combine(_folder["preview"], "overdue.txt"));

        text.Should().Contain("已逾期 1 个工作日", "under the shipped points a report is overdue for one working day, then missing");
        text.Should().NotContain("第44周");
    }

    [Fact]
    public async Task Preview_FromTheStore_WritesEveryKindToo()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "preview", "--as-of", "2026-11-24T09:00", "--out", _folder["preview"]);

        run.ExitCode.Should().Be(0, run.Error);
        Directory.EnumerateFiles(_folder["preview"], "*.eml").Should().HaveCount(5);
        Directory.Exists(_folder["outbox"]).Should().BeFalse("a preview sends nothing");
    }

    [Fact]
    public async Task Preview_OutIntoAPlaceThatCannotBeWritten_IsUnavailable_NamingTheOption()
    {
        var inbox = SampleMonth.CopyInbox(_folder["inbox"]);
        File.WriteAllText(_folder["a-file"], "not a folder");

        var run = await Support.Cli.RunAsync("preview", "--as-of", "2026-11-24T09:00", "--out", _folder["a-file/preview"], "--inbox", inbox);

        run.ExitCode.Should().Be(69);
        run.Error.Should().Contain("--out");
    }
}
