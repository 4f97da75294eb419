using System.Net;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// The console on the embedded default: nothing without signing in, the one-time link good exactly once, the
/// security headers on every answer, and /healthz open to a monitor but telling it nothing it need not know.
/// </summary>
public sealed class ConsoleSignInTests : IAsyncLifetime
{
    private RunningConsole _console = null!;

    public async Task InitializeAsync() => _console = await RunningConsole.StartAsync();

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/triage")]
    [InlineData("/judgements")]
    [InlineData("/scores")]
    [InlineData("/obligation/callcenter-daily/callcenter/2026-11-23")]
    [InlineData("/obligations?unit=callcenter&report=callcenter-daily&from=2026-11-23&to=2026-11-29")]
    public async Task EveryPage_WithoutSignIn_IsSentToSignIn_AndShowsNothing(string page)
    {
        using var client = _console.Client();

        using var answer = await client.GetAsync(page);

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        answer.Headers.Location!.OriginalString.Should().StartWith($"{_console.BaseUrl}signin?ReturnUrl=");
        (await answer.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task AnAction_WithoutSignIn_IsRefused_AndNothingIsStored()
    {
        using var client = _console.Client();
        var held = _console.Store.AllOutcomes().First(o => !o.Matched).Id;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["message"] = held, ["reason"] = "spam" });

        using var answer = await client.PostAsync("/triage?handler=Dismiss", form);

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        answer.Headers.Location!.OriginalString.Should().Contain("/signin");
        _console.Store.Dismissals().Should().BeEmpty();
    }

    [Fact]
    public async Task TheOneTimeLink_SignsInOnce_AndIsRefusedTheSecondTime()
    {
        using var first = _console.Client();
        using var second = _console.Client();

        using var signedIn = await first.GetAsync(_console.Console.SignInLink);
        using var today = await first.GetAsync("/");
        using var again = await second.GetAsync(_console.Console.SignInLink);
        using var stillOut = await second.GetAsync("/");

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.Should().Be("/");
        today.StatusCode.Should().Be(HttpStatusCode.OK);
        (await today.Content.ReadAsStringAsync()).Should().Contain("今日").And.Contain("(one-time link)");
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await again.Content.ReadAsStringAsync()).Should().Contain("只能使用一次").And.Contain("works once");
        stillOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AWrongToken_IsRefused_AndDoesNotSpendTheRealLink()
    {
        using var client = _console.Client();

        using var wrong = await client.GetAsync("/signin?token=" + new string('A', 43));
        using var right = await client.GetAsync(_console.Console.SignInLink);

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/signin")]
    public async Task EveryAnswer_CarriesTheStrictContentSecurityPolicy_AndTheOtherSecurityHeaders(string path)
    {
        using var client = await _console.SignedInAsync();

        using var answer = await client.GetAsync(path);

        answer.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        answer.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        answer.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        answer.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Fact]
    public async Task EveryPage_HasNoInlineScriptOrStyle()
    {
        using var client = await _console.SignedInAsync();

        foreach (var page in new[] { "/", "/triage", "/judgements", "/scores", "/obligation/callcenter-daily/callcenter/2026-11-23" })
        {
            var html = await client.GetStringAsync(page);
            html.Should().NotContain("<script", "{0} runs no script", page).And.NotContain("style=", "{0} has no inline style", page).And.NotContain("<style", "{0} has no inline style", page);
        }
    }

    [Fact]
    public async Task Healthz_WithoutSignIn_Answers200WhileTheWorkerBeats_AndNamesNoPathOrAddress()
    {
        using var client = _console.Client();

        using var answer = await client.GetAsync("/healthz");
        var body = await answer.Content.ReadAsStringAsync();

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("\"healthy\":true").And.Contain("\"beating\":true").And.Contain("\"mailboxRead\":true");
        body.Should().NotContain(_console.Store.Path).And.NotContain("@").And.NotContain("pid");
    }

    [Fact]
    public async Task Healthz_TellsTheSameTruthAsMailopsStatus_WhenTheStatusIsAnExitedProcess()
    {
        using var client = _console.Client();
        using var healthy = await client.GetAsync("/healthz");
        var statusWhileHealthy = await Support.Cli.RunAsync(_console.Settings, _console.Time, "status");

        // The status file as a worker that has since exited left it (the worker here sleeps on the stopped clock).
        using var exited = System.Diagnostics.Process.Start("true");
        await exited.WaitForExitAsync();
        var status = MailOps.Worker.Running.StatusFile.Read(_console.Store.Path)!;
        MailOps.Worker.Running.StatusFile.Write(_console.Store.Path, status with { ProcessId = exited.Id, ProcessStartedAt = null });
        using var unhealthy = await client.GetAsync("/healthz");
        var statusWhileUnhealthy = await Support.Cli.RunAsync(_console.Settings, _console.Time, "status");

        healthy.StatusCode.Should().Be(HttpStatusCode.OK);
        statusWhileHealthy.ExitCode.Should().Be(0, statusWhileHealthy.Error);
        unhealthy.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await unhealthy.Content.ReadAsStringAsync()).Should().Contain("\"healthy\":false").And.Contain("\"running\":false");
        statusWhileUnhealthy.ExitCode.Should().Be(69);
        statusWhileUnhealthy.Error.Should().Contain("the worker is not running");
    }
}
