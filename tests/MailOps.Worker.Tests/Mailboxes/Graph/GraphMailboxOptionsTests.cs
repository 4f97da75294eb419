using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using Microsoft.Extensions.Options;
using CliRunner = MailOps.Worker.Tests.Support.Cli;

namespace MailOps.Worker.Tests.Mailboxes.Graph;

public sealed class GraphMailboxOptionsTests
{
    private const string S = "MailOps:Mailbox:Graph";

    private static GraphMailboxOptions Valid() => new()
    {
        TenantId = "contoso.onmicrosoft.com",
        ClientId = "00000000-0000-0000-0000-000000000001",
        Mailbox = "reports@hq.example.com",
        ClientSecret = "secret",
    };

    public static TheoryData<string, Action<GraphMailboxOptions>, string> BadSettings => new()
    {
        { "no mailbox", o => o.Mailbox = "", $"{S}:Mailbox is empty" },
        { "a mailbox that is no address", o => o.Mailbox = "reports at hq", $"{S}:Mailbox \"reports at hq\" is not an email address" },
        { "no folder", o => o.Folder = " ", $"{S}:Folder is empty" },
        { "an unknown cloud", o => o.Cloud = "Mars", $"{S}:Cloud \"Mars\" is not a cloud MailOps knows; use Global or China" },
        { "an unknown credential", o => o.Credential = "Password", $"{S}:Credential \"Password\" is not a credential kind" },
        { "a client secret credential without the secret", o => o.ClientSecret = null, $"{S}:ClientSecret is empty; Credential=ClientSecret needs" },
        { "a client secret credential without the tenant", o => o.TenantId = "", $"{S}:TenantId is empty; Credential=ClientSecret needs" },
        { "a client secret credential without the client", o => o.ClientId = "", $"{S}:ClientId is empty; Credential=ClientSecret needs" },
        { "a certificate credential with neither path nor thumbprint", o => o.Credential = "Certificate", $"{S}:CertificatePath and {S}:CertificateThumbprint: Credential=Certificate needs exactly one" },
        { "a certificate credential with both", o => (o.Credential, o.CertificatePath, o.CertificateThumbprint) = ("Certificate", "/etc/hosts", "AB"), "needs exactly one" },
        { "a certificate file that does not exist", o => (o.Credential, o.CertificatePath) = ("Certificate", "/nonexistent/mailops.pfx"), $"{S}:CertificatePath \"/nonexistent/mailops.pfx\" does not exist" },
        { "a test token for a real host", o => (o.Credential, o.TestToken, o.BaseUrl) = ("TestToken", "t", "https://graph.microsoft.com/v1.0"), $"{S}:Credential=TestToken is refused unless {S}:BaseUrl is a loopback address" },
        { "a test token without a base URL", o => (o.Credential, o.TestToken) = ("TestToken", "t"), "is refused unless" },
        { "a test token that is empty", o => (o.Credential, o.BaseUrl) = ("TestToken", "http://127.0.0.1:5000/v1.0"), $"{S}:TestToken is empty" },
        { "a base URL that is no URL", o => o.BaseUrl = "graph", $"{S}:BaseUrl \"graph\" is not an http(s) URL" },
        { "a plain-http base URL off this machine", o => o.BaseUrl = "http://graph.example.com/v1.0", $"{S}:BaseUrl \"http://graph.example.com/v1.0\" must use https" },
        { "a page size of zero", o => o.PageSize = 0, $"{S}:PageSize 0 must be from 1 to 1000" },
        { "more sends a minute than Exchange allows", o => o.SendPerMinute = 31, $"{S}:SendPerMinute 31 must be from 1 to 30" },
        { "more concurrency than Exchange allows", o => o.MaxConcurrency = 5, $"{S}:MaxConcurrency 5 must be from 1 to 4" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_ABadSetting_IsNamedByItsKey(string label, Action<GraphMailboxOptions> spoil, string expected)
    {
        var options = Valid();
        spoil(options);

        var result = GraphMailboxOptionsValidator.Check(options);

        result.Failed.Should().BeTrue(label);
        result.Failures.Should().Contain(f => f.Contains(expected, StringComparison.Ordinal), label);
    }

    [Theory]
    [InlineData("ClientSecret")]
    [InlineData("ManagedIdentity")]
    [InlineData("Default")]
    public void Validate_AWholeConfiguration_Passes(string credential)
    {
        var options = Valid();
        options.Credential = credential;
        options.Cloud = "China";

        GraphMailboxOptionsValidator.Check(options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Validate_TheFolderKind_DoesNotLookAtTheGraphSection()
    {
        new GraphMailboxOptionsValidator(Options.Create(new MailboxOptions())).Validate(null, new GraphMailboxOptions()).Skipped.Should().BeTrue();
    }

    [Fact]
    public void Cloud_China_SignsInAtChinaAndCallsGraphThere()
    {
        (GraphCloud.AuthorityHost("China").Host, GraphCloud.GraphEndpoint("China"), GraphCloud.Scope("China")).Should().Be(
            ("login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/.default"));
    }

    [Fact]
    public async Task Ingest_WithTheGraphKindAndNoSettings_ExitsWithEveryMissingKeyNamed()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string?> { ["MailOps:Mailbox:Kind"] = "Graph" }, "ingest");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain($"{S}:Mailbox is empty").And.Contain($"{S}:ClientSecret is empty");
    }

    [Fact]
    public async Task Send_WithAnUnknownMailboxKind_ExitsNamingTheKey()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string?> { ["MailOps:Mailbox:Kind"] = "Imap" }, "send");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Mailbox:Kind \"Imap\" is not a mailbox kind; use Folder or Graph.");
    }

    [Fact]
    public async Task Send_WithABadSendingRate_ExitsNamingTheKey()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string?> { ["MailOps:Sending:PerMinute"] = "0", ["MailOps:Sending:Concurrency"] = "0" }, "send");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Sending:PerMinute 0 must be from 1").And.Contain("MailOps:Sending:Concurrency 0 must be from 1");
    }
}
