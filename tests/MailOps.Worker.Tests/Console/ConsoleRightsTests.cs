using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MailOps.Worker.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// With Entra ID sign-in: Microsoft.Identity.Web wired to the right cloud's authority, and the roles deciding who
/// acts. A test sign-in stands in for OpenID Connect's round trip to the tenant (which this machine cannot reach)
/// only so that the role check can be exercised: the request names the app roles its person holds.
/// </summary>
public sealed class ConsoleRightsTests
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000aa";

    [Theory]
    [InlineData("Global", "https://login.microsoftonline.com/")]
    [InlineData("China", "https://login.partner.microsoftonline.cn/")]
    public async Task EntraId_IsWiredThroughMicrosoftIdentityWeb_WithTheCloudsOwnAuthority(string cloud, string instance)
    {
        await using var console = await RunningConsole.StartAsync(Entra(cloud));

        var oidc = console.Console.WebServices!.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        oidc.Authority.Should().Be($"{instance}{Tenant}/v2.0");
        oidc.ClientId.Should().Be("11111111-1111-1111-1111-111111111111");
        oidc.CallbackPath.Value.Should().Be("/signin-oidc");
        console.Console.SignInLink.Should().BeNull("with Entra ID there is no one-time link");
    }

    [Fact]
    public async Task EntraId_WithoutSignIn_ChallengesToTheTenantsSignInPage()
    {
        await using var console = await RunningConsole.StartAsync(Entra("China"));
        using var client = console.Client();

        // The tenant's metadata cannot be fetched here; what matters is that the page is not served.
        using var answer = await client.GetAsync("/");

        answer.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).Should().NotContain("今日");
    }

    [Fact]
    public async Task AReader_ReadsEveryPage_ButCannotAct()
    {
        await using var console = await RunningConsole.StartAsync(Entra("Global"), web: TestSignIn.StandIn);
        using var client = TestSignIn.As(console, "MailOps.Reader");
        var entry = console.Store.AddManualEntry(new MailOps.Worker.Store.StoredManualEntry { Kind = "wrong", Unit = "cq-crm", ObligationKey = "crm-monthly/cq-crm/2026-11", EffectiveDate = "2026-11-30", Points = 5, Reason = "数据不符", Author = "李娜" });
        var (cookie, token) = TestSignIn.Tokens(console, "MailOps.Reader");

        using var judgements = await client.GetAsync("/judgements");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["entry"] = entry.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "误判", ["__RequestVerificationToken"] = token });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/judgements?handler=Revoke") { Content = form };
        post.Headers.Add("Cookie", $"mailops.antiforgery={cookie}");
        using var revoke = await client.SendAsync(post);

        judgements.StatusCode.Should().Be(HttpStatusCode.OK);
        (await judgements.Content.ReadAsStringAsync()).Should().Contain("只读").And.NotContain("handler=Revoke", "a reader is offered no action");
        revoke.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        console.Store.AllManualEntries().Single().RevokedAt.Should().BeNull();
    }

    [Fact]
    public async Task AReviewer_Acts_AuditedUnderTheirName()
    {
        await using var console = await RunningConsole.StartAsync(Entra("Global"), web: TestSignIn.StandIn);
        using var client = TestSignIn.As(console, "MailOps.Reviewer");

        using var answer = await RunningConsole.PostFormAsync(client, "/judgements", "Judge", new Dictionary<string, string> { ["kind"] = "wrong", ["obligation"] = "crm-monthly/cq-crm/2026-11", ["reason"] = "数据与周报不符" });

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        console.Store.AllManualEntries().Should().ContainSingle(e => e.Author == "王芳 <wang.fang@hq.example.com>" && e.ObligationKey == "crm-monthly/cq-crm/2026-11");
        console.Store.Audit().Should().Contain(a => a.Actor == "王芳 <wang.fang@hq.example.com>" && a.Action == "manual-entry");
    }

    [Fact]
    public async Task SomeoneWithNeitherRole_IsRefusedEveryPage()
    {
        await using var console = await RunningConsole.StartAsync(Entra("Global"), web: TestSignIn.StandIn);
        using var client = TestSignIn.As(console, "Someone.Else");

        using var answer = await client.GetAsync("/");

        answer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await answer.Content.ReadAsStringAsync()).Should().NotContain("今日");
    }

    private static Dictionary<string, string?> Entra(string cloud) => new()
    {
        ["MailOps:Console:Authentication"] = "EntraId",
        ["MailOps:Console:EntraId:Cloud"] = cloud,
        ["MailOps:Console:EntraId:TenantId"] = Tenant,
        ["MailOps:Console:EntraId:ClientId"] = "11111111-1111-1111-1111-111111111111",
        ["MailOps:Console:EntraId:ClientSecret"] = "not-a-real-secret",
    };
}

/// <summary>The test sign-in: a person named 王芳 holding the app roles the request's <c>X-Test-Roles</c> header lists.</summary>
internal sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Test";

    public static void StandIn(WebApplicationBuilder builder) =>
        builder.Services.AddAuthentication(o => (o.DefaultScheme, o.DefaultAuthenticateScheme, o.DefaultChallengeScheme, o.DefaultForbidScheme) = (Name, Name, Name, Name))
            .AddScheme<AuthenticationSchemeOptions, TestSignIn>(Name, _ => { });

    public static HttpClient As(RunningConsole console, string role)
    {
        var client = console.Client();
        client.DefaultRequestHeaders.Add("X-Test-Roles", role);
        return client;
    }

    /// <summary>An anti-forgery cookie and form token issued for that person, as a page with a form would give them.</summary>
    public static (string Cookie, string Token) Tokens(RunningConsole console, string role)
    {
        var services = console.Console.WebServices!;
        var http = new DefaultHttpContext { RequestServices = services, User = Person(role) };
        var tokens = services.GetRequiredService<IAntiforgery>().GetTokens(http);
        return (tokens.CookieToken!, tokens.RequestToken!);
    }

    public static ClaimsPrincipal Person(string roles) => new(new ClaimsIdentity(
        [
            new Claim("name", "王芳"),
            new Claim("preferred_username", "wang.fang@hq.example.com"),
            new Claim("oid", "22222222-2222-2222-2222-222222222222"),
            .. roles.Split(',').Select(r => new Claim("roles", r.Trim())),
        ],
        Name));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers.TryGetValue("X-Test-Roles", out var roles)
            ? AuthenticateResult.Success(new AuthenticationTicket(Person(roles.ToString()), Name))
            : AuthenticateResult.NoResult());
}
