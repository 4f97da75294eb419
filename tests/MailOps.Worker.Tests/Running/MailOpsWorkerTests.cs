using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Running;

/// <summary>The running worker refuses to start on templates it cannot use, with the configuration exit code.</summary>
public sealed class MailOpsWorkerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_WithABrokenTemplate_StopsWithTheConfigurationExitCode()
    {
        var templates = _folder["templates"];
        CopyShippedTemplates(templates);
        var broken = Path.Combine(templates, "zh", "overdue.html.liquid");
        File.WriteAllText(broken, "{% if Unit %}");

        var run = await Support.Cli.RunAsync(Settings(templates), "run");

        run.ExitCode.Should().Be(78);
    }

    [Fact]
    public async Task Run_WithATemplateFolderThatDoesNotExist_StopsWithTheConfigurationExitCode()
    {
        var templates = _folder["nowhere"];

        var run = await Support.Cli.RunAsync(Settings(templates), "run");

        run.ExitCode.Should().Be(78, run.Error);
    }

    [Fact]
    public async Task Run_WithARecipientRoleNoOneHolds_StopsWithTheConfigurationExitCode_NamingIt()
    {
        var settings = Settings(ShippedSettings.Templates);
        settings["MailOps:Notifications:Recipients:Digest:0"] = "group.nobody";

        var run = await Support.Cli.RunAsync(settings, "run");

        run.ExitCode.Should().Be(78, "a typo in a recipient would otherwise mean a digest never sent");
    }

    private Dictionary<string, string?> Settings(string templates) => new()
    {
        ["MailOps:Notifications:Templates"] = templates,
        ["MailOps:Store:Path"] = _folder["mailops.db"],
        ["MailOps:Mailbox:Folder:Inbox"] = _folder["inbox"],
        ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
    };

    private static void CopyShippedTemplates(string target)
    {
        foreach (var file in Directory.EnumerateFiles(ShippedSettings.Templates, "*.liquid", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(ShippedSettings.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
