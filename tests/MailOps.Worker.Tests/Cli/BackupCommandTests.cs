using System.Diagnostics;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops backup --out FILE [--wait T]</c>: a snapshot that opens as a store with the same messages, taken by the
/// command itself when no worker runs, and by the worker at its next beat beside a real running <c>mailops run</c>.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Support.Cli.Now);

    public void Dispose() => _folder.Dispose();

    private Task<CliRun> BackupAsync(string target) => Support.Cli.RunAsync(CliStore.Settings(_folder), "backup", "--out", target);

    private static IReadOnlyList<string> MessageIds(MailStore store) => [.. store.AllOutcomes().Select(o => o.MessageId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Backup_WithNoWorker_WritesASnapshotThatOpensAsAStoreWithTheSameMessages()
    {
        await CliStore.IngestSampleMonthAsync(_folder);
        var target = _folder["backups/mailops-2026-11-24.db"];

        var run = await BackupAsync(target);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"Wrote a snapshot of {CliStore.StorePath(_folder)} to {target}.");
        using var original = MailStore.Open(CliStore.StorePath(_folder), _time);
        using var snapshot = MailStore.Open(target, _time);
        snapshot.MessageCount.Should().Be(85).And.Be(original.MessageCount);
        MessageIds(snapshot).Should().Equal(MessageIds(original));
        snapshot.SchemaVersion.Should().Be(original.SchemaVersion);
    }

    [Fact]
    public async Task Backup_IntoAFileThatExists_IsAUsageError_AndLeavesItAlone()
    {
        await CliStore.IngestSampleMonthAsync(_folder);
        File.WriteAllText(_folder["taken.db"], "yesterday's backup");

        var run = await BackupAsync(_folder["taken.db"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--out").And.Contain(_folder["taken.db"]).And.Contain("never overwrites");
        File.ReadAllText(_folder["taken.db"]).Should().Be("yesterday's backup");
    }

    [Fact]
    public async Task Backup_WithoutOut_IsAUsageError()
    {
        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "backup");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--out");
    }

    [Fact]
    public async Task Backup_BesideARunningWorker_IsTakenByTheWorker_AndPrinted()
    {
        SampleMonth.CopyInbox(_folder["inbox"]);
        var store = CliStore.StorePath(_folder);
        using var worker = StartWorker();
        try
        {
            // The worker ingests the sample month before its first status file: three minutes is only a backstop.
            var status = await WaitForStatusAsync(store, worker, TimeSpan.FromMinutes(3));
            status.ProcessId.Should().Be(worker.Id);
            var target = _folder["backup.db"];

            var run = await Support.Cli.RunBesideAWorkerAsync(CliStore.Settings(_folder), "backup", "--out", target, "--wait", "00:02:00");

            run.ExitCode.Should().Be(0, run.Error);
            run.Out.Should().Contain($"Asked the running worker (process {worker.Id}) for a snapshot of {store}")
                .And.Contain($"Wrote a snapshot of {store} to {target}.");
            Directory.EnumerateFiles(WorkerRequests.FolderFor(store)).Should().BeEmpty("the worker served the request and the command took its answer");
            worker.HasExited.Should().BeFalse("the worker kept running");
            using var snapshot = MailStore.Open(target, _time);
            snapshot.MessageCount.Should().Be(85);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    private Process StartWorker()
    {
        var start = new ProcessStartInfo(MailOpsExecutable.Path, "run")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MailOps__Mailbox__Folder__Inbox"] = _folder["inbox"];
        start.Environment["MailOps__Mailbox__Folder__Outbox"] = _folder["outbox"];
        start.Environment["MailOps__Mailbox__Folder__SettleTime"] = "00:00:00";
        start.Environment["MailOps__Store__Path"] = CliStore.StorePath(_folder);
        start.Environment["MailOps__Worker__IngestInterval"] = "00:00:02";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("mailops did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<WorkerStatus> WaitForStatusAsync(string store, Process worker, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (StatusFile.Read(store) is { } status)
            {
                return status;
            }

            worker.HasExited.Should().BeFalse("the worker should be running");
            await Task.Delay(100);
        }

        throw new TimeoutException($"the worker wrote no status file beside {store} within {limit}");
    }
}
