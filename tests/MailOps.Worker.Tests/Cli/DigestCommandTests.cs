using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops digest --as-of T --out FILE.html [--inbox DIR]</c>: the HQ digest of the sample month as it would read
/// on the morning after it, from a folder of <c>.eml</c> or from the store; sends nothing.
/// </summary>
public sealed class DigestCommandTests : IDisposable
{
    private const string Morning = "2026-11-24T09:00";
    // Nothing reached triage between the 11-23 and the 11-24 digests, so the subject names no message to review.
    private const string Subject = "【报送日报】示例集团 2026-11-24：新增问题 2 项，扣 10 分\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void ShouldBeTheSampleMorningsDigest(string html)
    {
        html.Should().Contain("示例集团", "the digest names the group");
        html.Should().Contain("长沙公司客户关系部").And.Contain("11月21日–22日工地开放").And.Contain("抄送缺少：物业公司董事长和总经理", "the flash report's missing CC is a new fault");
        html.Should().Contain("华中物业房屋保修部").And.Contain("第47周（11.16–11.22）").And.Contain("抄送缺少：集团工程管理部", "so is the weekly report's");
        html.Should().NotContain("li.mengmeng.home@example.net", "the unknown sender was listed once, in the digest of 11-20");
        html.Should().NotContain("dmarc=fail（callcenter.example.com）", "the forged copy was listed once, in the digest of 11-23");
    }

    [Theory]
    [InlineData("2026-11-20T09:00", "li.mengmeng.home@example.net", "the unknown sender of 11-19 19:04 waits for a person")]
    [InlineData("2026-11-23T09:00", "dmarc=fail（callcenter.example.com）", "the forged copy of 11-20 22:20 is listed as unauthenticated")]
    public async Task Digest_ListsAMessageForAPerson_InTheFirstDigestAfterItArrived(string morning, string shown, string because)
    {
        var inbox = SampleMonth.CopyInbox(_folder["inbox"]);
        var output = _folder["out/digest.html"];

        var run = await Support.Cli.RunAsync("digest", "--as-of", morning, "--out", output, "--inbox", inbox);

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllText(output).Should().Contain(shown, because);
    }

    [Fact]
    public async Task Digest_FromAnInbox_WritesTheHtml_WithTheGroupAndTheFaults_AndPrintsTheSubject()
    {
        var inbox = SampleMonth.CopyInbox(_folder["inbox"]);
        var output = _folder["out/digest.html"];

        var run = await Support.Cli.RunAsync("digest", "--as-of", Morning, "--out", output, "--inbox", inbox);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().StartWith(Subject).And.Contain($"Wrote {output}");
        ShouldBeTheSampleMorningsDigest(File.ReadAllText(output));
        Directory.EnumerateFileSystemEntries(_folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["inbox", "out"], "nothing is sent or left behind");
    }

    [Fact]
    public async Task Digest_FromTheStore_ReadsAsTheInboxDoes()
    {
        await CliStore.IngestSampleMonthAsync(_folder);
        var output = _folder["digest.html"];

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "digest", "--as-of", Morning, "--out", output);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().StartWith(Subject);
        ShouldBeTheSampleMorningsDigest(File.ReadAllText(output));
        Directory.Exists(_folder["outbox"]).Should().BeFalse("a digest preview sends nothing");
    }

    [Fact]
    public async Task Digest_OutIntoAPlaceThatCannotBeWritten_IsUnavailable_NamingTheOption()
    {
        var inbox = SampleMonth.CopyInbox(_folder["inbox"]);
        File.WriteAllText(_folder["a-file"], "not a folder");

        var run = await Support.Cli.RunAsync("digest", "--as-of", Morning, "--out", _folder["a-file/digest.html"], "--inbox", inbox);

        run.ExitCode.Should().Be(69);
        run.Error.Should().Contain("--out");
    }

    [Fact]
    public async Task Digest_AnInboxThatDoesNotExist_IsUnavailable_NamingTheFolder()
    {
        var run = await Support.Cli.RunAsync("digest", "--as-of", Morning, "--out", _folder["digest.html"], "--inbox", _folder["nowhere"]);

        run.ExitCode.Should().Be(69);
        run.Error.Should().Contain(_folder["nowhere"]);
        File.Exists(_folder["digest.html"]).Should().BeFalse();
    }

    [Fact]
    public async Task Digest_WithoutOut_IsAUsageError()
    {
        var run = await Support.Cli.RunAsync("digest", "--as-of", Morning);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--out");
    }

    [Fact]
    public async Task Digest_AnAsOfThatIsNotAnInstant_IsAUsageErrorNamingTheOption()
    {
        var run = await Support.Cli.RunAsync("digest", "--as-of", "tomorrow", "--out", _folder["digest.html"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--as-of").And.Contain("tomorrow");
    }
}
