using System.Net;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Web;
using Microsoft.Extensions.DependencyInjection;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// What a reviewer does through the console reaches the store by the same methods <c>mailops adjudicate</c> uses,
/// audited under the signed-in person, and the obligation is judged again at once; a form without its anti-forgery
/// token does nothing; a value from mail is shown as text.
/// </summary>
public sealed class ConsoleActionsTests : IAsyncLifetime
{
    private const string UnknownSender = "2026-11-19T1904-callcenter-daily-unknown-sender.eml";
    private const string Unauthenticated = "2026-11-09T1018-wy-sc-warranty-weekly-unauthenticated.eml";
    private const string Script = "script-subject.eml";
    private const string Operator = " (one-time link)";

    private RunningConsole _console = null!;

    public async Task InitializeAsync() => _console = await RunningConsole.StartAsync(mail: new Dictionary<string, string> { [Script] = ScriptSubject });

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused_AndNothingIsStored()
    {
        using var client = await _console.SignedInAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["message"] = UnknownSender, ["reason"] = "spam" });

        using var answer = await client.PostAsync("/triage?handler=Dismiss", form);

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        _console.Store.Dismissals().Should().BeEmpty();
    }

    [Fact]
    public async Task ASubjectWithScript_IsShownAsText()
    {
        using var client = await _console.SignedInAsync();

        var triage = await client.GetStringAsync("/triage");

        triage.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task TheTriagePage_GivesAHeldMessageTheAnchorTheDigestLinksTo()
    {
        using var client = await _console.SignedInAsync();

        var triage = await client.GetStringAsync("/triage");

        triage.Should().Contain($"id=\"{Links.Anchor(_console.Store.Outcome(UnknownSender)!.MessageId)}\"");
    }

    [Fact]
    public async Task PlacingAHeldMessage_AsItsReport_TurnsTheObligationOnTime_AuditedUnderThePerson()
    {
        using var client = await _console.SignedInAsync();
        const string key = "callcenter-daily/callcenter/2026-11-19";
        Status(key).Should().Be(ObligationStatus.Missing, "the duty officer's personal mailbox is not in the directory");

        using var answer = await RunningConsole.PostFormAsync(client, "/triage", "Place", new Dictionary<string, string>
        {
            ["message"] = UnknownSender, ["report"] = "callcenter-daily", ["unit"] = "callcenter", ["period"] = "2026-11-19", ["reason"] = "值班员个人邮箱发送",
        });
        var page = await client.GetStringAsync(answer.Headers.Location!.OriginalString);

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        answer.Headers.Location!.OriginalString.Should().Be("/obligation/callcenter-daily/callcenter/2026-11-19");
        page.Should().Contain("该报送现为「按时」").And.Contain("data-status=\"on-time\"");
        Status(key).Should().Be(ObligationStatus.OnTime);
        _console.Store.Outcome(UnknownSender)!.AcceptedBy.Should().EndWith(Operator);
        _console.Store.Audit().Should().Contain(a => a.Action == "submission-placed" && a.Target == UnknownSender && a.Actor.EndsWith(Operator, StringComparison.Ordinal) && a.Detail!.Contains("值班员个人邮箱发送"));
        (await client.GetStringAsync("/triage")).Should().NotContain(_console.Store.Outcome(UnknownSender)!.MessageId.Replace("<", "&lt;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlacingAsAnObligationTheRegimeDoesNotOwe_IsRefused_NamingTheNearest()
    {
        using var client = await _console.SignedInAsync();

        using var answer = await RunningConsole.PostFormAsync(client, "/triage", "Place", new Dictionary<string, string>
        {
            ["message"] = UnknownSender, ["report"] = "callcenter-daily", ["unit"] = "callcenter", ["period"] = "2026-11-31", ["reason"] = "typo",
        });
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/triage"));

        page.Should().Contain("\"callcenter-daily/callcenter/2026-11-31\" is not a report instance the regime owes").And.Contain("did you mean");
        _console.Store.Outcome(UnknownSender)!.AcceptedBy.Should().BeNull();
    }

    [Fact]
    public async Task AcceptingAnUnauthenticatedReport_CountsIt_AsMailopsAdjudicateDoes()
    {
        using var client = await _console.SignedInAsync();
        const string key = "warranty-weekly/wy-sc-warranty/2026-W45";
        var before = Status(key);

        using var answer = await RunningConsole.PostFormAsync(client, "/triage", "Accept", new Dictionary<string, string> { ["message"] = Unauthenticated, ["reason"] = "已电话核实" });

        before.Should().Be(ObligationStatus.Missing);
        Status(key).Should().NotBe(ObligationStatus.Missing);
        answer.Headers.Location!.OriginalString.Should().Be("/obligation/warranty-weekly/wy-sc-warranty/2026-W45");
        _console.Store.Audit().Should().Contain(a => a.Action == "submission-accepted" && a.Target == Unauthenticated && a.Actor.EndsWith(Operator, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DismissingAHeldMessage_KeepsIt_AndTakesItOffTriage()
    {
        using var client = await _console.SignedInAsync();

        using var answer = await RunningConsole.PostFormAsync(client, "/triage", "Dismiss", new Dictionary<string, string> { ["message"] = Script, ["reason"] = "测试邮件" });
        var triage = await client.GetStringAsync("/triage");

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        triage.Should().Contain("已搁置").And.NotContain("alert(1)");
        _console.Store.Dismissals().Should().ContainSingle(d => d.Id == Script && d.Reason == "测试邮件" && d.By.EndsWith(Operator, StringComparison.Ordinal));
        _console.Store.Outcome(Script).Should().NotBeNull("a dismissed message stays stored");
    }

    [Fact]
    public async Task AnActionWithoutAReason_IsRefused()
    {
        using var client = await _console.SignedInAsync();

        await RunningConsole.PostFormAsync(client, "/triage", "Dismiss", new Dictionary<string, string> { ["message"] = Script, ["reason"] = " " });

        (await client.GetStringAsync("/triage")).Should().Contain("Every action needs its reason");
        _console.Store.Dismissals().Should().BeEmpty();
    }

    [Fact]
    public async Task AJudgement_RecordedAndWithdrawn_CountsThenCountsNowhere()
    {
        using var client = await _console.SignedInAsync();
        const string key = "callcenter-daily/callcenter/2026-11-23";
        var page = $"/obligation/{key}";
        Result(key).Deduction.Should().Be(0, "Monday's daily report came in on time and whole");

        using var judged = await RunningConsole.PostFormAsync(client, page, "Judge", new Dictionary<string, string> { ["kind"] = "concealed", ["obligation"] = key, ["reason"] = "瞒报投诉", ["back"] = page });
        var entry = _console.Store.AllManualEntries().Single();
        var deductionWhileInForce = Result(key).Deduction;
        using var revoked = await RunningConsole.PostFormAsync(client, page, "Revoke", new Dictionary<string, string> { ["entry"] = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "复核后撤销", ["back"] = page });
        var shown = await client.GetStringAsync(page);

        entry.Kind.Should().Be("concealed");
        entry.Points.Should().Be(10);
        deductionWhileInForce.Should().Be(10);
        Result(key).Deduction.Should().Be(0);
        _console.Store.AllManualEntries().Single().RevokeReason.Should().Be("复核后撤销");
        shown.Should().Contain("已撤销").And.Contain("复核后撤销").And.Contain("class=\"revoked\"");
    }

    [Fact]
    public async Task AnAdditionalPenalty_IsRecordedOnTheUnit()
    {
        using var client = await _console.SignedInAsync();

        await RunningConsole.PostFormAsync(client, "/judgements", "Penalty", new Dictionary<string, string> { ["unit"] = "cs-crm", ["points"] = "3", ["date"] = "2026-11-20", ["reason"] = "重大投诉处置不力" });

        _console.Store.AllManualEntries().Should().ContainSingle(e => e.Kind == "additional-penalty" && e.Unit == "cs-crm" && e.Points == 3 && e.EffectiveDate == "2026-11-20");
        (await client.GetStringAsync("/judgements")).Should().Contain("重大投诉处置不力");
    }

    [Fact]
    public async Task EachPage_ShowsTheJudgedStore()
    {
        using var client = await _console.SignedInAsync();

        var today = await client.GetStringAsync("/");
        var obligation = await client.GetStringAsync("/obligation/callcenter-daily/callcenter/2026-11-22");
        var scores = await client.GetStringAsync("/scores?month=2026-11&quarter=2026-Q4");

        today.Should().Contain("href=\"/obligation/callcenter-daily/callcenter/2026-11-23\"", "Monday's daily report is the last working day's cell");
        obligation.Should().Contain("data-status=\"missing\"").And.Contain("class=\"deduction\">10<");
        scores.Should().Contain("长沙公司客户关系部").And.Contain("<svg class=\"trend\"").And.Contain("2026年第四季度");
    }

    [Fact]
    public async Task AnObligation_ShowsTheRecipientRoleAMessageMissed_AndNoneForOneThatReachedThemAll()
    {
        using var client = await _console.SignedInAsync();

        var missed = WebUtility.HtmlDecode(await client.GetStringAsync("/obligation/callcenter-weekly/callcenter/2026-W46"));
        var whole = WebUtility.HtmlDecode(await client.GetStringAsync("/obligation/callcenter-daily/callcenter/2026-11-23"));

        missed.Should().Contain("group.cs (", "the weekly report's CC lacked group customer service").And.Contain("class=\"deduction\">5<");
        whole.Should().NotContain("group.cs (").And.Contain("chen.xue@callcenter.example.com");
    }

    private ObligationResult Result(string key) => _console.Host.Services.GetRequiredService<MailOps.Worker.Assessment.Assessor>().Judge(_console.Store, _console.Time.GetUtcNow()).Results.Single(r => r.Obligation.Key == key);

    private ObligationStatus Status(string key) => Result(key).Status;

    private static string ScriptSubject => """
        X-Received-At: 2026-11-23T15:00:00+08:00
        From: stranger@outside.example.org
        To: reports@hq.example.com
        Subject: <script>alert(1)</script> 呼叫中心信息日报 2026-11-23
        Date: Mon, 23 Nov 2026 15:00:00 +0800
        Message-ID: <script-subject@outside.example.org>
        Content-Type: text/plain; charset=utf-8

        来电总量：120
        """.ReplaceLineEndings("\r\n");
}
