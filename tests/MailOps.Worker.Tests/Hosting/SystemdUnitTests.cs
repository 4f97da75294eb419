using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Hosting;

/// <summary>
/// deploy/mailops.service as shipped: systemd-analyze finds nothing wrong with it, and every path it must write is one
/// systemd creates for it (systemd-analyze does not see that a ReadWritePaths= folder is missing; the start fails then,
/// 226/NAMESPACE). scripts/deploy-check goes further: a fresh publish run as the unit would run it.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private static readonly string Unit = Path.Combine(MailOpsExecutable.Repository, "deploy", "mailops.service");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task SystemdUnit_AsShipped_PassesSystemdAnalyzeVerify()
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        Skip.If(analyze is null, "systemd-analyze is not installed (Debian package systemd; .ci/run installs it)");
        var units = new[] { "/usr/lib/systemd/system", "/lib/systemd/system" }.FirstOrDefault(d => File.Exists(Path.Combine(d, "sysinit.target")));
        Skip.If(units is null, "no systemd units on this machine to verify against");

        // A root of its own: the system's units (the targets the unit names), the unit, and the worker's build where
        // ExecStart expects it, so that verify checks the unit and not this machine's /opt.
        var root = _folder["root"];
        Copy(units, Path.Combine(root, "usr", "lib", "systemd", "system"));
        Directory.CreateDirectory(Path.Combine(root, "etc", "systemd", "system"));
        File.Copy(Unit, Path.Combine(root, "etc", "systemd", "system", "mailops.service"));
        Directory.CreateDirectory(Path.Combine(root, "opt", "mailops"));
        File.Copy(MailOpsExecutable.Path, Path.Combine(root, "opt", "mailops", "mailops"));

        var start = new ProcessStartInfo(analyze, ["verify", $"--root={root}", "mailops.service"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, output);
        output.Should().BeEmpty("systemd-analyze prints nothing for a clean unit");
    }

    [Fact]
    public void SystemdUnit_EveryPathItWrites_IsOneSystemdCreatesForIt()
    {
        var lines = Settings(File.ReadAllLines(Unit));
        var state = lines.Where(l => l.Key == "StateDirectory").SelectMany(l => l.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(d => $"/var/lib/{d}").ToList();
        state.Should().Equal("/var/lib/mailops");

        // A path without '-' that does not exist stops the service before it runs; none is needed beside StateDirectory.
        var writable = lines.Where(l => l.Key is "ReadWritePaths" or "ReadOnlyPaths" or "InaccessiblePaths")
            .SelectMany(l => l.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => !p.StartsWith('-'));
        writable.Where(p => !state.Any(s => p == s || p.StartsWith(s + "/", StringComparison.Ordinal))).Should().BeEmpty("a folder systemd does not create must not be named");

        lines.Should().Contain(l => l.Key == "ProtectSystem" && l.Value == "strict");
        lines.Should().Contain(l => l.Key == "ExecStart" && l.Value == "/opt/mailops/mailops --config /etc/mailops run",
            "the service reads /etc/mailops as the commands beside it do");
    }

    [Fact]
    public void SettingsTemplate_StoreAndOutbox_AreInTheUnitsStateDirectory()
    {
        // deploy/appsettings.json is read as the shipped settings are (comments allowed); what it sets decides where
        // the service writes, and the commands beside it (--config /etc/mailops) look in the same place.
        var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(MailOpsExecutable.Repository, "deploy", "appsettings.json")).Build();

        settings["MailOps:Store:Path"].Should().Be("/var/lib/mailops/mailops.db");
        settings["MailOps:Mailbox:Folder:Outbox"].Should().StartWith("/var/lib/mailops/");
        settings.AsEnumerable().Where(p => p.Value is not null).Select(p => p.Key).Should().BeEquivalentTo(["MailOps:Store:Path", "MailOps:Mailbox:Folder:Outbox"],
            "the rest is commented out until the site fills it in");
    }

    private static List<(string Key, string Value)> Settings(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('[') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => (l[..l.IndexOf('=', StringComparison.Ordinal)], l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))];

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is { } target)
            {
                File.CreateSymbolicLink(Path.Combine(to, info.Name), target);
            }
            else
            {
                info.CopyTo(Path.Combine(to, info.Name));
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(from).Select(d => new DirectoryInfo(d)))
        {
            if (directory.LinkTarget is { } target)
            {
                Directory.CreateSymbolicLink(Path.Combine(to, directory.Name), target);
            }
            else
            {
                Copy(directory.FullName, Path.Combine(to, directory.Name));
            }
        }
    }
}
