using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// The real <c>mailops run</c> process with a bad setting in its environment, as systemd starts it: one line on
/// standard error naming the key, the value and what to write instead, no stack trace, and exit 78, which the
/// shipped unit does not restart.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private const string G = "MailOps:Mailbox:Graph";

    private readonly TempFolder _folder = new();

    public RunCommandTests() => Directory.CreateDirectory(_folder["inbox"]);

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("MailOps:Mailbox:Kind", "Grpah", "is not a mailbox kind; use Folder or Graph")]
    [InlineData("MailOps:Worker:IngestInterval", "7m", "is not a duration; write [d.]hh:mm:ss, such as 00:05:00")]
    [InlineData("MailOps:Running:IngestInterval", "7m", "is not a setting MailOps knows; did you mean MailOps:Worker:IngestInterval?")]
    [InlineData("MailOps:Worker:IngestInterval", "02:00:00", "is not from 00:00:01 to 01:00:00")]
    [InlineData("MailOps:Sending:PerMinute", "lots", "is not a whole number, such as 30")]
    [InlineData("MailOps:Notifications:DryRun", "maybe", "is not true or false")]
    [InlineData("MailOps:Assessment:Since", "2026-13-01", "is not a date; write yyyy-MM-dd")]
    [InlineData("MailOps:Notifications:DigestAt", "25:00", "is not a time of day such as 09:00")]
    [InlineData("MailOps:Notifications:Recipients:Digest", "group.cs", "is a list; give its items as MailOps:Notifications:Recipients:Digest:0")]
    public async Task Run_WithABadSetting_ExitsWithOneLineNamingKeyAndValue(string key, string value, string fix)
    {
        var run = await RunAsync(new Dictionary<string, string?> { [key] = value });

        ShouldBeOneConfigurationLine(run, key, value, fix);
    }

    [Fact]
    public async Task Run_WithACertificatePathThatDoesNotExist_ExitsNamingKeyAndFile()
    {
        var missing = _folder["missing.pfx"];

        var run = await RunAsync(Graph(missing, password: null));

        ShouldBeOneConfigurationLine(run, $"{G}:CertificatePath", missing, "does not exist");
    }

    [Fact]
    public async Task Run_WithACertificateFileThatIsNoCertificate_ExitsNamingKeyAndFile()
    {
        File.WriteAllText(_folder["mailops.pfx"], "not a certificate");

        var run = await RunAsync(Graph(_folder["mailops.pfx"], password: null));

        ShouldBeOneConfigurationLine(run, $"{G}:CertificatePath", _folder["mailops.pfx"], "is not a certificate");
    }

    [Fact]
    public async Task Run_WithTheWrongCertificatePassword_ExitsNamingKeyAndFile_AndNotThePassword()
    {
        using (var key = RSA.Create(2048))
        {
            using var certificate = new CertificateRequest("CN=MailOps test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
            File.WriteAllBytes(_folder["mailops.pfx"], certificate.Export(X509ContentType.Pfx, "right-password"));
        }

        var run = await RunAsync(Graph(_folder["mailops.pfx"], password: "wrong-password"));

        ShouldBeOneConfigurationLine(run, $"{G}:CertificatePath", _folder["mailops.pfx"], $"is a PFX that {G}:CertificatePassword does not open");
        run.Error.Should().NotContain("wrong-password");
    }

    [Fact]
    public void MailOpsService_DoesNotRestartAWorkerThatStoppedOnAConfigurationProblem()
    {
        var unit = File.ReadAllLines(Path.Combine(MailOpsExecutable.Repository, "deploy", "mailops.service"));

        unit.Should().Contain("RestartPreventExitStatus=78").And.Contain("Restart=on-failure");
    }

    private static void ShouldBeOneConfigurationLine((int ExitCode, string Out, string Error, IReadOnlyList<string> ErrorLines) run, string key, string value, string fix)
    {
        run.ExitCode.Should().Be(78, run.Error);
        run.ErrorLines.Should().ContainSingle(run.Error).Which.Should().StartWith($"mailops: {key} ")
            .And.Contain(value).And.Contain(fix);
        run.ErrorLines.Should().NotContain(l => l.Contains("   at ", StringComparison.Ordinal), "a bad setting is no stack trace");
        run.Out.Should().BeEmpty();
    }

    private static Dictionary<string, string?> Graph(string certificate, string? password) => new()
    {
        ["MailOps:Mailbox:Kind"] = "Graph",
        [$"{G}:TenantId"] = "contoso.onmicrosoft.com",
        [$"{G}:ClientId"] = "00000000-0000-0000-0000-000000000001",
        [$"{G}:Mailbox"] = "reports@hq.example.com",
        [$"{G}:Credential"] = "Certificate",
        [$"{G}:CertificatePath"] = certificate,
        [$"{G}:CertificatePassword"] = password,
    };

    private async Task<(int ExitCode, string Out, string Error, IReadOnlyList<string> ErrorLines)> RunAsync(Dictionary<string, string?> bad)
    {
        var settings = CliStore.Settings(_folder);
        foreach (var (key, value) in bad)
        {
            settings[key] = value;
        }

        var run = await MailOpsProcess.RunAsync(settings, "run");
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("a worker with a bad setting stops before it opens the store");
        return run;
    }
}
