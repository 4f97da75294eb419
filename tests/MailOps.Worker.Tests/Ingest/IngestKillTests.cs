using System.Diagnostics;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Ingest;

/// <summary>
/// The real <c>mailops ingest</c> process, killed with SIGKILL at random points and started again: the store
/// ends with every message exactly once, and opens cleanly after every kill.
/// </summary>
public sealed class IngestKillTests : IDisposable
{
    private const int Messages = 300;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Process Start()
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
        start.Environment["MailOps__Mailbox__Folder__PageSize"] = "25";
        start.Environment["MailOps__Store__Path"] = _folder["mailops.db"];
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("mailops did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [Fact]
    public async Task Ingest_KilledTwentyTimesAtRandomPoints_LosesNothingAndDoublesNothing()
    {
        for (var i = 0; i < Messages; i++)
        {
            Eml.Drop(_folder["inbox"], $"{i:0000}.eml", Eml.Daily($"daily-{i}@callcenter.example.com", receivedAt: $"2026-11-23T20:{i % 60:00}:00+08:00"));
        }

        var random = new Random(20261124);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        var stored = new List<int>();
        for (var kill = 0; kill < 20; kill++)
        {
            using var process = Start();
            await Task.Delay(random.Next(300, 2500));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            using var store = MailStore.Open(_folder["mailops.db"], time);
            stored.Add(store.MessageCount);
        }

        using (var last = Start())
        {
            await last.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            last.ExitCode.Should().Be(0);
        }

        using var final = MailStore.Open(_folder["mailops.db"], time);
        final.MessageCount.Should().Be(Messages);
        final.AllOutcomes().Should().HaveCount(Messages).And.OnlyHaveUniqueItems(o => o.MessageId);
        stored.Should().BeInAscendingOrder("a kill never takes away what an earlier pass stored");
        stored.Should().Contain(n => n > 0 && n < Messages, "some kills land in the middle of a pass");
    }
}
