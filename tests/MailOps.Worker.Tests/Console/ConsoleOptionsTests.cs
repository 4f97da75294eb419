using System.Net;
using System.Net.Sockets;
using MailOps.Worker.Tests.Support;
using MailOps.Worker.Web;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// <c>MailOps:Console</c> checked at start: the console never listens beyond this machine without Entra ID sign-in,
/// and each bad setting is one line naming its key, its value and what to write instead; <c>mailops run</c> stops
/// with exit 78 before reading or sending anything.
/// </summary>
public sealed class ConsoleOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1:6245", true)]
    [InlineData("http://localhost:6245", true)]
    [InlineData("http://[::1]:6245", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://0.0.0.0:6245", false)]
    [InlineData("http://*:6245", false)]
    [InlineData("http://+:6245", false)]
    [InlineData("http://[::]:6245", false)]
    [InlineData("http://10.1.2.3:6245", false)]
    [InlineData("http://mailops.hq.example.com:6245", false)]
    [InlineData("http://127.0.0.1:6245;http://0.0.0.0:6246", false)]
    public void Urls_WithTheOneTimeLink_AreAllowedOnLoopbackOnly(string urls, bool allowed)
    {
        var result = ConsoleOptionsValidator.Check(new ConsoleOptions { Urls = urls });

        if (allowed)
        {
            result.Succeeded.Should().BeTrue(result.FailureMessage);
        }
        else
        {
            result.Failures.Should().ContainSingle().Which.Should()
                .StartWith($"MailOps:Console:Urls \"{urls}\" would listen on").And.Contain("beyond this machine").And.Contain("set MailOps:Console:Authentication to EntraId");
        }
    }

    [Fact]
    public void Urls_BeyondLoopback_WithEntraIdComplete_AreAllowed()
    {
        var options = new ConsoleOptions { Urls = "http://0.0.0.0:6245", Authentication = ConsoleAuthentication.EntraId, EntraId = { TenantId = "contoso.onmicrosoft.com", ClientId = "11111111-1111-1111-1111-111111111111", ClientSecret = "s" } };

        ConsoleOptionsValidator.Check(options).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("TenantId", "MailOps:Console:EntraId:TenantId is empty; Authentication=EntraId needs the tenant's id or domain.")]
    [InlineData("ClientId", "MailOps:Console:EntraId:ClientId is empty; Authentication=EntraId needs the console's app registration's application (client) id.")]
    [InlineData("ClientSecret", "MailOps:Console:EntraId:ClientSecret is empty; Authentication=EntraId needs the app registration's client secret")]
    public void EntraId_WithASettingMissing_NamesIt(string missing, string failure)
    {
        var entra = new EntraIdOptions { TenantId = "contoso.onmicrosoft.com", ClientId = "11111111-1111-1111-1111-111111111111", ClientSecret = "s" };
        typeof(EntraIdOptions).GetProperty(missing)!.SetValue(entra, null);

        var result = ConsoleOptionsValidator.Check(new ConsoleOptions { Authentication = ConsoleAuthentication.EntraId, EntraId = entra });

        result.Failures.Should().ContainSingle().Which.Should().StartWith(failure);
    }

    [Theory]
    [InlineData("Cloud", "Mars", "MailOps:Console:EntraId:Cloud \"Mars\" is not a cloud MailOps knows; use Global or China")]
    [InlineData("Instance", "http://login.example.com/", "MailOps:Console:EntraId:Instance \"http://login.example.com/\" is not an https URL")]
    public void EntraId_WithABadValue_NamesKeyAndValue(string key, string value, string failure)
    {
        var entra = new EntraIdOptions { TenantId = "t", ClientId = "c", ClientSecret = "s" };
        typeof(EntraIdOptions).GetProperty(key)!.SetValue(entra, value);

        var result = ConsoleOptionsValidator.Check(new ConsoleOptions { Authentication = ConsoleAuthentication.EntraId, EntraId = entra });

        result.Failures.Should().ContainSingle().Which.Should().StartWith(failure);
    }

    [Theory]
    [InlineData("Global", EntraIdOptions.GlobalInstance)]
    [InlineData("China", EntraIdOptions.ChinaInstance)]
    [InlineData("china", EntraIdOptions.ChinaInstance)]
    public void EntraId_Cloud_PicksItsInstance(string cloud, string instance) =>
        new EntraIdOptions { Cloud = cloud }.EffectiveInstance.Should().Be(instance);

    [Fact]
    public void Urls_ThatAreNoUrl_AreNamed() =>
        ConsoleOptionsValidator.Check(new ConsoleOptions { Urls = "port 6245" }).Failures.Should().ContainSingle()
            .Which.Should().Be("MailOps:Console:Urls \"port 6245\" is not an http(s) URL; write one such as http://127.0.0.1:6245 (port 0 takes any free port).");

    [Fact]
    public async Task Run_ListeningBeyondLoopbackWithoutSignIn_ExitsWith78AndOneLineNamingTheSetting()
    {
        var run = await Support.Cli.RunAsync(Settings(("MailOps:Console:Urls", "http://0.0.0.0:6245")), "run");

        run.ExitCode.Should().Be(78);
        run.Error.Trim().Split('\n').Should().ContainSingle()
            .Which.Should().StartWith("mailops: MailOps:Console:Urls \"http://0.0.0.0:6245\" would listen on 0.0.0.0, beyond this machine");
        File.Exists(_folder["mailops.db"]).Should().BeFalse("nothing was read or stored");
    }

    [Fact]
    public async Task Run_OnAPortInUse_ExitsWith78NamingTheSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var run = await Support.Cli.RunAsync(Settings(("MailOps:Console:Urls", url)), "run");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain($"mailops: MailOps:Console:Urls \"{url}\" cannot be listened on").And.Contain("choose another port");
    }

    [Fact]
    public async Task Run_WithTheConsoleOff_NeedsNoAddress()
    {
        var run = await Support.Cli.RunAsync(Settings(("MailOps:Console:Enabled", "false"), ("MailOps:Console:Urls", "http://0.0.0.0:6245")), "status");

        run.Error.Should().NotContain("MailOps:Console");
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailOps:Store:Path"] = _folder["mailops.db"],
            ["MailOps:Mailbox:Folder:Inbox"] = _folder["inbox"],
            ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
