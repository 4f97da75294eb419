using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Tests.Support;
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
        { "an empty folder", o => o.Folders = ["inbox", " "], $"{S}:Folders:1 is empty; name a folder" },
        { "a folder path with an empty step", o => o.Folders = ["Inbox//Reports"], $"{S}:Folders:0 \"Inbox//Reports\" has an empty step" },
        { "a folder listed twice", o => o.Folders = ["Inbox/Reports", "inbox / reports"], $"{S}:Folders:1 \"inbox / reports\" is listed twice" },
        { "the deprecated folder beside the list", o => (o.Folder, o.Folders) = ("inbox", ["archive"]), $"{S}:Folder \"inbox\" and {S}:Folders are both set; {S}:Folder is the deprecated single folder: list every watched folder in {S}:Folders" },
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
    public void Validate_AReadablePfxWithItsPassword_Passes()
    {
        using var folder = new TempFolder();
        var options = WithCertificate(WritePfx(folder, "right"), "right");

        GraphMailboxOptionsValidator.Check(options).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("a PFX opened with the wrong password", "is a PFX that MailOps:Mailbox:Graph:CertificatePassword does not open; set the password it was exported with")]
    [InlineData("a file that is no certificate", "is not a certificate; it must be a .pfx file (PKCS#12)")]
    [InlineData("a certificate without its private key", "is a certificate without its private key; export it with the private key as a .pfx file")]
    public void Validate_ACertificateFileThatCannotSignIn_IsNamedByKeyAndFile(string label, string expected)
    {
        using var folder = new TempFolder();
        var (path, password) = label switch
        {
            "a PFX opened with the wrong password" => (WritePfx(folder, "right"), "wrong"),
            "a file that is no certificate" => (WriteText(folder, "mailops.pfx", "not a certificate"), null),
            _ => (WriteCer(folder), (string?)null),
        };

        var result = GraphMailboxOptionsValidator.Check(WithCertificate(path, password));

        result.Failures.Should().ContainSingle(label).Which.Should().StartWith($"{S}:CertificatePath \"{path}\" ").And.Contain(expected).And.NotContain("wrong", "the password is never written");
    }

    [Fact]
    public void Validate_AThumbprintNotInAnyStore_IsNamed()
    {
        var options = Valid();
        (options.Credential, options.ClientSecret, options.CertificateThumbprint) = ("Certificate", null, "00 11 22 33");

        GraphMailboxOptionsValidator.Check(options).Failures.Should().ContainSingle()
            .Which.Should().StartWith($"{S}:CertificateThumbprint 00112233: no such certificate");
    }

    [Fact]
    public async Task Ingest_WithACertificateThatDoesNotOpen_ExitsWithOneLineNamingKeyAndFile()
    {
        using var folder = new TempFolder();
        var pfx = WritePfx(folder, "right");
        var settings = new Dictionary<string, string?>(CliStore.Settings(folder))
        {
            ["MailOps:Mailbox:Kind"] = "Graph",
            [$"{S}:TenantId"] = "contoso.onmicrosoft.com",
            [$"{S}:ClientId"] = "00000000-0000-0000-0000-000000000001",
            [$"{S}:Mailbox"] = "reports@hq.example.com",
            [$"{S}:Credential"] = "Certificate",
            [$"{S}:CertificatePath"] = pfx,
            [$"{S}:CertificatePassword"] = "wrong",
        };

        var run = await CliRunner.RunAsync(settings, "ingest");

        run.ExitCode.Should().Be(78);
        run.Error.Trim().Should().Be($"mailops: {S}:CertificatePath \"{pfx}\" is a PFX that {S}:CertificatePassword does not open; set the password it was exported with (empty when it has none).");
    }

    private static GraphMailboxOptions WithCertificate(string path, string? password)
    {
        var options = Valid();
        (options.Credential, options.ClientSecret, options.CertificatePath, options.CertificatePassword) = ("Certificate", null, path, password);
        return options;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MailOps test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
    }

    private static string WritePfx(TempFolder folder, string password)
    {
        using var certificate = SelfSigned();
        File.WriteAllBytes(folder["mailops.pfx"], certificate.Export(X509ContentType.Pfx, password));
        return folder["mailops.pfx"];
    }

    private static string WriteCer(TempFolder folder)
    {
        using var certificate = SelfSigned();
        File.WriteAllBytes(folder["mailops.cer"], certificate.Export(X509ContentType.Cert));
        return folder["mailops.cer"];
    }

    private static string WriteText(TempFolder folder, string name, string text)
    {
        File.WriteAllText(folder[name], text);
        return folder[name];
    }

    [Theory]
    [InlineData("neither: the Inbox", null, new string[0], new[] { "inbox" })]
    [InlineData("the deprecated single folder, as an earlier version was configured", "Inbox/Reports", new string[0], new[] { "Inbox/Reports" })]
    [InlineData("the list", null, new[] { "inbox", "Inbox/Reports" }, new[] { "inbox", "Inbox/Reports" })]
    public void WatchedFolders_AreTheListElseTheDeprecatedFolderElseTheInbox(string label, string? folder, string[] folders, string[] watched)
    {
        var options = Valid();
        (options.Folder, options.Folders) = (folder, [.. folders]);

        options.WatchedFolders.Should().Equal(watched, label);
        GraphMailboxOptionsValidator.Check(options).Succeeded.Should().BeTrue(label);
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
