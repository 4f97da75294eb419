using System.Diagnostics;
using System.Text;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Sending;

/// <summary>
/// The real <c>mailops send</c> process, pointed at the Graph test server through environment variables and killed
/// with SIGKILL at random points of a drain, then started again: every notification goes out exactly once.
/// </summary>
public sealed class SendKillTests : IAsyncLifetime, IDisposable
{
    private const int Notifications = 40;
    private readonly TempFolder _folder = new();
    private GraphTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private readonly StringBuilder _errors = new();

    private Process Start()
    {
        var start = new ProcessStartInfo(MailOpsExecutable.Path, "send")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MailOps__Mailbox__Kind"] = "Graph";
        start.Environment["MailOps__Mailbox__Graph__Credential"] = "TestToken";
        start.Environment["MailOps__Mailbox__Graph__TestToken"] = GraphTestServer.Token;
        start.Environment["MailOps__Mailbox__Graph__BaseUrl"] = _server.BaseUrl;
        start.Environment["MailOps__Mailbox__Graph__Mailbox"] = GraphTestServer.Mailbox;
        start.Environment["MailOps__Store__Path"] = _folder["mailops.db"];
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("mailops did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [Fact]
    public async Task Send_KilledTwentyTimesAtRandomPoints_SendsEveryNotificationExactlyOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        using (var store = MailStore.Open(_folder["mailops.db"], time))
        {
            for (var i = 0; i < Notifications; i++)
            {
                store.TryQueue($"nudge/{i:00}", "nudge", Encoding.UTF8.GetBytes($"From: reports@hq.example.com\r\nTo: crm@cq.example.com\r\nSubject: 催报 {i:00}\r\n\r\n请补报。\r\n"));
            }
        }

        // Slow enough answers that a kill lands inside a drain: between a draft and its record, a send and its record.
        _server.Faults = GraphFaults.None with { Latency = TimeSpan.FromMilliseconds(60) };
        var random = new Random(20261124);
        var sent = new List<int>();
        for (var kill = 0; kill < 20; kill++)
        {
            using var process = Start();
            await Task.Delay(random.Next(300, 1500));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            using var store = MailStore.Open(_folder["mailops.db"], time);
            sent.Add(Notifications - store.Unsent().Count);
        }

        using (var last = Start())
        {
            await last.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            last.ExitCode.Should().Be(0, "the last drain finishes; it wrote: {0}", _errors.ToString()[^Math.Min(_errors.Length, 3000)..]);
        }

        using var final = MailStore.Open(_folder["mailops.db"], time);
        final.Unsent().Should().BeEmpty();
        _server.SendsBySubject.Should().HaveCount(Notifications).And.OnlyContain(s => s.Value == 1, "no kill sends anything twice");
        sent.Should().BeInAscendingOrder("a kill never takes back a recorded send");
        sent.Should().Contain(n => n > 0 && n < Notifications, "some kills land in the middle of a drain");
    }
}
