using System.Diagnostics;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Running;

/// <summary>
/// A real <c>mailops run</c> holds the store; <c>status</c>, <c>adjudicate</c> and <c>backup</c> work beside it, the
/// last two by asking the worker, which applies the judgement (audited under the author) or takes the snapshot at
/// its next beat.
/// </summary>
public sealed class BesideTheRunningWorkerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Beyond the backstops of the waits inside (three minutes for the first beat, two for each command's answer).
    [Fact(Timeout = 600_000)]
    public async Task AJudgementAndABackup_AreTakenByTheRunningWorker_AndTheStatusReadsHealthy()
    {
        using var worker = Start();
        try
        {
            await WaitForAsync(() => File.Exists(StatusFile.PathFor(_folder["mailops.db"])), "the worker's first beat");
            var settings = Settings();

            // On the real clock, as the worker stamps its status file: on the test's fake clock the stamp's age depends on the date the test runs.
            var status = await Support.Cli.RunBesideAWorkerAsync(settings, "status", "--max-age", "01:00:00:00");
            var judged = await Support.Cli.RunBesideAWorkerAsync(settings, "adjudicate", "--kind", "wrong", "--obligation", "crm-monthly/cq-crm/2026-11", "--reason", "数据与周报不符", "--author", "李娜");
            var backup = await Support.Cli.RunBesideAWorkerAsync(settings, "backup", "--out", _folder["backup.db"]);

            status.ExitCode.Should().Be(0, status.Error);
            status.Out.Should().Contain("running (process");
            judged.ExitCode.Should().Be(0, judged.Error);
            judged.Out.Should().Contain("Asked the running worker").And.Contain("Recorded entry 1: wrong crm-monthly/cq-crm/2026-11, 5 point(s), by 李娜");
            backup.ExitCode.Should().Be(0, backup.Error);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        using var snapshot = MailStore.Open(_folder["backup.db"], new FakeTimeProvider());
        snapshot.AllManualEntries().Should().ContainSingle(e => e.Author == "李娜" && e.ObligationKey == "crm-monthly/cq-crm/2026-11");
        snapshot.Audit().Should().Contain(a => a.Actor == "李娜" && a.Action == "manual-entry");
    }

    [Fact(Timeout = 600_000)]
    public async Task AnEventDeclaredAndListedBesideTheRunningWorker_IsTakenByIt_AndNoCopyOfTheStoreIsLeft()
    {
        using var worker = Start();
        try
        {
            await WaitForAsync(() => File.Exists(StatusFile.PathFor(_folder["mailops.db"])), "the worker's first beat");
            var settings = Settings();

            var added = await Support.Cli.RunBesideAWorkerAsync(settings, "events", "add", "--kind", "sales-opening", "--unit", "wx-crm", "--start", "2026-12-12T10:00", "--author", "李娜");
            var listed = await Support.Cli.RunBesideAWorkerAsync(settings, "events", "list", "--unit", "wx-crm", "--json");

            added.ExitCode.Should().Be(0, added.Error);
            added.Out.Should().Contain("Asked the running worker").And.Contain("Declared event wx-crm-2026-12-12-sales-opening");
            listed.ExitCode.Should().Be(0, listed.Error);
            listed.Json.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Contain("wx-crm-2026-12-12-sales-opening", "read from a snapshot the worker wrote");
            Directory.EnumerateFiles(WorkerRequests.FolderFor(_folder["mailops.db"]), "read-*").Should().BeEmpty("the snapshot read is deleted, and was never in a shared temporary folder");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["MailOps:Store:Path"] = _folder["mailops.db"],
        ["MailOps:Mailbox:Folder:Inbox"] = _folder["inbox"],
        ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
    };

    private Process Start()
    {
        Directory.CreateDirectory(_folder["inbox"]);
        var start = new ProcessStartInfo(MailOpsExecutable.Path, "run") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (key, value) in Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["MailOps__Worker__IngestInterval"] = "00:00:01";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("mailops did not start");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Looks for <paramref name="condition"/> every 100 ms; three minutes is only a backstop against a hang.</summary>
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var limit = TimeSpan.FromMinutes(3);
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < limit)
        {
            await Task.Delay(100);
        }

        condition().Should().BeTrue($"{what} should come within {limit}");
    }
}
