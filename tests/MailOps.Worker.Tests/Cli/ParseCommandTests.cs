using System.Text;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mailops-parse-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Daily = """
        Received: from mail.callcenter.example.com by hq.example.com; Mon, 23 Nov 2026 20:40:12 +0800
        X-MS-Exchange-Organization-AuthAs: Internal
        From: =?UTF-8?B?6ZmI6Zuq?= <chen.xue@callcenter.example.com>
        To: cs-dl@hq.example.com
        Subject: =?UTF-8?B?5ZG85Y+r5Lit5b+D5L+h5oGv5pel5oqlIDIwMjYtMTEtMjM=?=
        Message-ID: <daily@callcenter.example.com>
        Content-Type: text/plain; charset=utf-8

        来电总量：120
        投诉量：8
        报修量：30
        咨询量：82
        """;

    [Fact]
    public async Task Parse_ReadsTheReceivedInstant_AsTheFolderMailboxDoes_FromXReceivedAt()
    {
        // Received on the evening of the 22nd by the folder's own account, though the mail server stamped the 23rd;
        // written with a byte order mark, as a Windows editor saves it.
        var dropped = "X-Received-At: 2026-11-22T20:15:00+08:00\n" + Daily;
        File.WriteAllText(Path.Combine(_folder, "daily.eml"), dropped.ReplaceLineEndings("\r\n"), Encoding.UTF8);

        var run = await Support.Cli.RunAsync("parse", Path.Combine(_folder, "daily.eml"), "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Json[0].GetProperty("received").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 22, 20, 15, 0, TimeSpan.FromHours(8)));
    }

    [Theory]
    [InlineData("Exchange Online's defaults: the gateway's stamp proves nothing", null, false)]
    [InlineData("the gateway trusted in MailOps:Parsing", "mx.hq.example.com", true)]
    public async Task Parse_TrustedAuthServIdsFromSettings_DecideWhoseAuthenticationResultsCount(string edge, string? trusted, bool matched)
    {
        var stamped = "Authentication-Results: mx.hq.example.com; spf=pass smtp.mailfrom=callcenter.example.com; dmarc=pass header.from=callcenter.example.com\n"
            + Daily.Replace("X-MS-Exchange-Organization-AuthAs: Internal\n", "", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "daily.eml"), stamped.ReplaceLineEndings("\r\n"), Encoding.UTF8);
        var settings = trusted is null ? null : new Dictionary<string, string?> { ["MailOps:Parsing:TrustedAuthServIds:0"] = trusted };

        var run = await Support.Cli.RunAsync(settings, "parse", Path.Combine(_folder, "daily.eml"), "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Json[0].GetProperty("matched").GetBoolean().Should().Be(matched, edge);
        run.Json[0].GetProperty("reason").GetString().Should().Be(matched ? null : "unauthenticated-sender", edge);
    }

    [Fact]
    public async Task Parse_ABadTrustedAuthServId_ExitsNamingTheKeyAndTheFix()
    {
        File.WriteAllText(Path.Combine(_folder, "daily.eml"), Daily.ReplaceLineEndings("\r\n"), Encoding.UTF8);

        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Parsing:TrustedAuthServIds:0"] = "*.com" }, "parse", _folder);

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Parsing:TrustedAuthServIds:0 \"*.com\" trusts every server under a top-level domain");
    }

    [Fact]
    public async Task Parse_Json_GivesEachMessagesClassificationAndFindings()
    {
        File.WriteAllText(Path.Combine(_folder, "daily.eml"), Daily.ReplaceLineEndings("\r\n"), Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, "reply.eml"), Daily.Replace("Subject: ", "Subject: RE: ", StringComparison.Ordinal).ReplaceLineEndings("\r\n"), Encoding.UTF8);

        var run = await Support.Cli.RunAsync("parse", _folder, "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var messages = run.Json.EnumerateArray().ToList();
        messages.Should().HaveCount(2);
        var daily = messages[0];
        daily.GetProperty("file").GetString().Should().Be("daily.eml");
        daily.GetProperty("messageId").GetString().Should().Be("<daily@callcenter.example.com>");
        daily.GetProperty("report").GetString().Should().Be("callcenter-daily");
        daily.GetProperty("unit").GetString().Should().Be("callcenter");
        daily.GetProperty("period").GetString().Should().Be("2026-11-23");
        daily.GetProperty("matched").GetBoolean().Should().BeTrue();
        daily.GetProperty("reason").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var finding = daily.GetProperty("findings").EnumerateArray().Should().ContainSingle().Subject;
        finding.GetProperty("kind").GetString().Should().Be("recipients-missing");
        finding.GetProperty("detail").GetString().Should().Contain("物业管家中心");
        messages[1].GetProperty("matched").GetBoolean().Should().BeFalse();
        // A RE: that carries the report's fields may be the report sent as a reply: shown for triage, never counted.
        messages[1].GetProperty("reason").GetString().Should().Be("reply-with-content");
        messages[1].GetProperty("report").GetString().Should().Be("callcenter-daily");
    }

    [Fact]
    public async Task Parse_WithoutJson_PrintsATable()
    {
        File.WriteAllText(Path.Combine(_folder, "daily.eml"), Daily.ReplaceLineEndings("\r\n"), Encoding.UTF8);

        var run = await Support.Cli.RunAsync("parse", Path.Combine(_folder, "daily.eml"));

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("callcenter-daily").And.Contain("1 message(s): 1 submission(s), 0 not.");
    }

    [Fact]
    public async Task Parse_APathThatIsNothing_IsAUsageError()
    {
        var run = await Support.Cli.RunAsync("parse", Path.Combine(_folder, "nothing"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("is neither a file nor a folder");
    }
}
