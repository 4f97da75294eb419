using MailOps.Worker.Cli;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Reliability;

/// <summary>A store file that is empty or truncated is refused by every command that opens it, never taken for a new store.</summary>
public sealed class RefusedStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_OnAZeroLengthStore_ExitsWith78_NamingTheFileAndTheWayBack_InOneLine()
    {
        File.WriteAllBytes(CliStore.StorePath(_folder), []);
        var start = new System.Diagnostics.ProcessStartInfo(MailOpsExecutable.Path, "run") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (key, value) in CliStore.Settings(_folder))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var worker = System.Diagnostics.Process.Start(start)!;
        var error = worker.StandardError.ReadToEndAsync();
        using var backstop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await worker.WaitForExitAsync(backstop.Token);

        worker.ExitCode.Should().Be(ExitCodes.Configuration, await error);
        (await error).Should().Contain("MailOps cannot run").And.Contain(CliStore.StorePath(_folder)).And.Contain("exists but is empty").And.NotContain("   at ");
        new FileInfo(CliStore.StorePath(_folder)).Length.Should().Be(0, "nothing was written over it");
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("send")]
    public async Task Command_OnAZeroLengthStore_Exits78_NamingTheFile_AndLeavesItAsItWas(string command)
    {
        File.WriteAllBytes(CliStore.StorePath(_folder), []);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), command);

        run.ExitCode.Should().Be(ExitCodes.Configuration, run.Error);
        run.Error.Should().Contain(CliStore.StorePath(_folder)).And.Contain("exists but is empty").And.Contain("Restoring a backup");
        new FileInfo(CliStore.StorePath(_folder)).Length.Should().Be(0, "nothing was written over it");
        Directory.Exists(_folder["outbox"]).Should().BeFalse("nothing was sent from a store taken for new");
    }

    [Fact]
    public async Task Run_KeepsTheConfiguredNumberOfDailyBackups_BesideTheStore()
    {
        var settings = CliStore.Settings(_folder);
        settings["MailOps:Store:BackupCount"] = "2";
        Directory.CreateDirectory(_folder["backups"]);
        File.WriteAllBytes(_folder["backups/mailops-2026-01-01.db"], []);
        File.WriteAllBytes(_folder["backups/mailops-2026-01-02.db"], []);
        using var worker = MailOpsProcess.Start(settings, "run");

        // The first beat takes today's backup and keeps the newest two: today's and 01-02.
        await FolderWait.UntilAsync(_folder["backups"], () => !File.Exists(_folder["backups/mailops-2026-01-01.db"]), TimeSpan.FromMinutes(3), () => worker.Error);

        await worker.KillAsync();
        var backups = Directory.GetFiles(_folder["backups"], "*.db").Select(Path.GetFileName).ToList();
        backups.Should().HaveCount(2, worker.Error).And.Contain("mailops-2026-01-02.db").And.NotContain("mailops-2026-01-01.db");
        using var restored = Worker.Store.MailStore.Open(_folder["backups/" + backups.Single(b => b != "mailops-2026-01-02.db")], TimeProvider.System);
        restored.SchemaVersion.Should().Be(Worker.Store.StoreSchema.Latest);
    }
}
