using System.Text.Json;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>--config DIR</c>: a command beside the service reads the service's settings folder (appsettings.json and one
/// file per secret in credentials/), so no secret goes on a command line or into the environment.
/// </summary>
public sealed class MailOpsCommandLineTests : IDisposable
{
    private const string Secret = "s3cr3t-that-must-never-show";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The service's folder: a Graph mailbox whose client secret is kept apart from the settings.
    private string ServiceFolder(bool withSecret)
    {
        var folder = _folder["etc-mailops"];
        Directory.CreateDirectory(folder);
        var settings = new
        {
            MailOps = new
            {
                Store = new { Path = _folder["var/mailops.db"] },
                Mailbox = new { Kind = "Graph", Graph = new { TenantId = "11111111-2222-3333-4444-555555555555", ClientId = "66666666-7777-8888-9999-000000000000", Mailbox = "reports@hq.example.com" } },
            },
        };
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), JsonSerializer.Serialize(settings));
        if (withSecret)
        {
            Directory.CreateDirectory(Path.Combine(folder, "credentials"));
            // As `echo secret > file` writes it: the trailing newline is not part of the secret.
            File.WriteAllText(Path.Combine(folder, "credentials", "MailOps__Mailbox__Graph__ClientSecret"), Secret + "\n");
        }

        return folder;
    }

    [Fact]
    public async Task Config_AFolderWithTheSecretInCredentials_GivesTheCommandTheServicesSettings()
    {
        var folder = ServiceFolder(withSecret: true);

        var run = await Support.Cli.RunAsync("--config", folder, "status", "--json");

        run.ExitCode.Should().Be(69, "no worker runs, but the settings are whole: {0}", run.Error);
        run.Json.GetProperty("store").GetProperty("path").GetString().Should().Be(_folder["var/mailops.db"]);
        (run.Out + run.Error).Should().NotContain(Secret);
    }

    [Fact]
    public async Task Config_AfterTheCommand_IsReadTheSame()
    {
        var folder = ServiceFolder(withSecret: true);

        var run = await Support.Cli.RunAsync("status", "--json", "--config", folder);

        run.Json.GetProperty("store").GetProperty("path").GetString().Should().Be(_folder["var/mailops.db"]);
    }

    [Fact]
    public async Task Config_ACredentialFile_IsTheSettingItIsNamedFor_WithoutItsTrailingNewline()
    {
        var folder = ServiceFolder(withSecret: true);
        File.WriteAllText(Path.Combine(folder, "credentials", "MailOps__Store__Path"), _folder["elsewhere/mailops.db"] + "\n");

        var run = await Support.Cli.RunAsync("--config", folder, "status", "--json");

        run.Json.GetProperty("store").GetProperty("path").GetString().Should().Be(_folder["elsewhere/mailops.db"], "a credential file overrides appsettings.json, as a secret must");
    }

    [Fact]
    public async Task Config_ASecretFileWhoseNameIsMisspelt_IsNamedButItsValueNeverShown()
    {
        var folder = ServiceFolder(withSecret: true);
        File.WriteAllText(Path.Combine(folder, "credentials", "MailOps__Mailbox__Graph__ClientScret"), "another-" + Secret);

        var run = await Support.Cli.RunAsync("--config", folder, "status");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Mailbox:Graph:ClientScret").And.NotContain(Secret, "a value from the secrets folder is a secret, whatever its file is called");
    }

    [Fact]
    public void Config_TheEnvironmentStillWinsOverTheFolder_AsItDoesOverAppsettings()
    {
        // A key of this test's alone (the environment is the whole process's): a run's own variable, such as a dry
        // run's own store, must not lose to the service's file.
        var folder = ServiceFolder(withSecret: true);
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "MailOpsConfigOrderProbe": "folder", "MailOpsConfigOrderFolderOnly": "folder" }""");
        Environment.SetEnvironmentVariable("MailOpsConfigOrderProbe", "environment");
        try
        {
            using var host = MailOps.Worker.Hosting.MailOpsHost.Build([], null, TimeProvider.System, folder, watch: false);
            var configuration = (Microsoft.Extensions.Configuration.IConfiguration)host.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;

            configuration["MailOpsConfigOrderProbe"].Should().Be("environment");
            configuration["MailOpsConfigOrderFolderOnly"].Should().Be("folder", "the folder still counts over the shipped appsettings.json");
        }
        finally
        {
            Environment.SetEnvironmentVariable("MailOpsConfigOrderProbe", null);
        }
    }

    [Theory]
    [InlineData("no such folder", "nowhere", "there is no such folder")]
    [InlineData("a folder without appsettings.json", "empty", "holds no appsettings.json")]
    public async Task Config_AFolderThatIsNotASettingsFolder_IsRefusedNamingIt(string edge, string name, string problem)
    {
        Directory.CreateDirectory(_folder["empty"]);

        var run = await Support.Cli.RunAsync("--config", _folder[name], "status");

        run.ExitCode.Should().Be(78, edge);
        run.Error.Should().Contain($"--config {_folder[name]}").And.Contain(problem);
    }
}
