using System.Diagnostics;
using System.Text;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailOps.Worker.Tests.Ingest;

/// <summary>
/// The real <c>mailops ingest</c> process, killed with SIGKILL at varied points of its pass and started again: the
/// store ends with every message exactly once, and opens cleanly after every kill. Each kill follows the k-th page
/// the process logs as stored (k from a seeded random), never a fixed delay, so a loaded machine changes only how
/// long a run takes, not where it is killed; the process goes on reading its next page while the kill is on its way,
/// so the kill lands at a varied point inside that page.
/// </summary>
public sealed class IngestKillTests(ITestOutputHelper output) : IDisposable
{
    // Enough that the kills land inside the pass even on a loaded machine, where the process may store some forty
    // pages between the line that triggers a kill and the kill.
    private const int Messages = 1500;
    private const int PageSize = 5;
    private const string PageStored = "MailOps.Worker.Cli.IngestCommand[41]";
    private readonly TempFolder _folder = new();
    private readonly StringBuilder _errors = new();

    public void Dispose() => _folder.Dispose();

    private Process Start(KillPoint? point)
    {
        var start = new ProcessStartInfo(MailOpsExecutable.Path, "ingest")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MailOps__Mailbox__Folder__Inbox"] = _folder["inbox"];
        start.Environment["MailOps__Mailbox__Folder__Outbox"] = _folder["outbox"];
        start.Environment["MailOps__Mailbox__Folder__SettleTime"] = "00:00:00";
        start.Environment["MailOps__Mailbox__Folder__PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["MailOps__Store__Path"] = _folder["mailops.db"];
        start.Environment["Logging__LogLevel__MailOps.Worker.Cli.IngestCommand"] = "Debug";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("mailops did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }

            if (e.Data.Contains(PageStored, StringComparison.Ordinal))
            {
                point?.Observe();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string Written()
    {
        lock (_errors)
        {
            return _errors.ToString()[^Math.Min(_errors.Length, 3000)..];
        }
    }

    [Fact]
    public async Task Ingest_KilledTwentyTimesAtVariedPointsOfItsPass_LosesNothingAndDoublesNothing()
    {
        for (var i = 0; i < Messages; i++)
        {
            Eml.Drop(_folder["inbox"], $"{i:0000}.eml", Eml.Daily($"daily-{i}@callcenter.example.com", receivedAt: $"2026-11-23T20:{i % 60:00}:00+08:00"));
        }

        var random = new Random(20261124);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        var stored = new List<int>();
        var killed = 0;
        for (var kill = 0; kill < 20; kill++)
        {
            // 300 pages in all, one to three per run (and what a loaded machine adds): the kills land all through the pass.
            var point = new KillPoint(random.Next(1, 4));
            using var process = Start(point);
            killed += await point.KillAtAsync(process, Written) ? 1 : 0;

            using var store = MailStore.Open(_folder["mailops.db"], time);
            stored.Add(store.MessageCount);
        }

        using (var last = Start(null))
        {
            await last.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            last.ExitCode.Should().Be(0, "the last pass finishes; it wrote: {0}", Written());
        }

        output.WriteLine($"{killed} of 20 runs killed; stored after each: {string.Join(", ", stored)}");
        using var final = MailStore.Open(_folder["mailops.db"], time);
        final.MessageCount.Should().Be(Messages);
        final.AllOutcomes().Should().HaveCount(Messages).And.OnlyHaveUniqueItems(o => o.MessageId);
        killed.Should().BeGreaterThanOrEqualTo(5, "runs are killed while the pass has messages left (a run after the pass is done stores no page, its mailbox asks the store what it holds)");
        stored.Should().BeInAscendingOrder("a kill never takes away what an earlier pass stored");
        // Not "every run stored something": the store's last commits before a SIGKILL may not have reached the file yet
        // (LiteDB 5 writes its log from a background thread), so the first run, killed after one to three pages, may
        // leave none; ingest only promises that the next pass stores them again.
        stored.Should().Contain(n => n > 0 && n < Messages, "some kills land in the middle of a pass, after pages were stored");
    }
}
