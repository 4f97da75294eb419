using System.Diagnostics;
using System.Text;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailOps.Worker.Tests.Sending;

/// <summary>
/// The real <c>mailops send</c> process, pointed at the Graph test server through environment variables and killed
/// with SIGKILL at varied points of a drain, then started again: every notification goes out exactly once. Each kill
/// follows the k-th request the server sees from that run (k from a seeded random), never a fixed delay; the server
/// still carries that request out after the kill, so a kill lands between a draft and its record, or between a send
/// and its record.
/// </summary>
public sealed class SendKillTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Notifications = 60;
    private const int Concurrency = 4;
    private readonly TempFolder _folder = new();
    private readonly StringBuilder _errors = new();
    private GraphTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

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
        start.Environment["MailOps__Sending__Concurrency"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Pacing is the dispatcher's own test; here it would only make the last drain wait out a minute.
        start.Environment["MailOps__Sending__PerMinute"] = "1000";
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

    private string Written()
    {
        lock (_errors)
        {
            return _errors.ToString()[^Math.Min(_errors.Length, 3000)..];
        }
    }

    [Fact]
    public async Task Send_KilledTwentyTimesAtVariedPointsOfADrain_SendsEveryNotificationExactlyOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        using (var store = MailStore.Open(_folder["mailops.db"], time))
        {
            for (var i = 0; i < Notifications; i++)
            {
                store.TryQueue($"nudge/{i:00}", "nudge", Encoding.UTF8.GetBytes($"From: reports@hq.example.com\r\nTo: crm@cq.example.com\r\nSubject: 催报 {i:00}\r\n\r\n请补报。\r\n"));
            }
        }

        // Slow enough answers that several requests are in flight when a kill lands.
        _server.Faults = GraphFaults.None with { Latency = TimeSpan.FromMilliseconds(60) };
        var random = new Random(20261124);
        var sent = new List<int>();
        var points = new List<int>();
        var killed = 0;
        for (var kill = 0; kill < 20; kill++)
        {
            // Each notification takes a draft and a send (or a look at its draft, after a kill). A worker's third request
            // comes only after its first notification is recorded, so from the (2 x Concurrency + 1)-th request of a run on
            // the kill follows recorded progress; below that it may land before anything is recorded.
            var point = new KillPoint(random.Next(1, 2 * Concurrency + 4));
            points.Add(point.Target);
            void Observe(string kind)
            {
                if (kind is "draft" or "send" or "message")
                {
                    point.Observe();
                }
            }

            _server.Requested += Observe;
            try
            {
                using var process = Start();
                killed += await point.KillAtAsync(process, Written) ? 1 : 0;
            }
            finally
            {
                _server.Requested -= Observe;
            }

            using var store = MailStore.Open(_folder["mailops.db"], time);
            sent.Add(Notifications - store.Unsent().Count);
        }

        using (var last = Start())
        {
            await last.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            last.ExitCode.Should().Be(0, "the last drain finishes; it wrote: {0}", Written());
        }

        output.WriteLine($"{killed} of 20 runs killed, at request {string.Join(", ", points)}; sent after each: {string.Join(", ", sent)}; drafts left behind {_server.DraftCount}");
        using var final = MailStore.Open(_folder["mailops.db"], time);
        final.Unsent().Should().BeEmpty();
        _server.SendsBySubject.Should().HaveCount(Notifications).And.OnlyContain(s => s.Value == 1, "no kill sends anything twice");
        points.Should().Contain(k => k > 2 * Concurrency, "some kills follow recorded progress");
        sent.Should().BeInAscendingOrder("a kill never takes back a recorded send");
        sent.Should().Contain(n => n > 0 && n < Notifications, "some kills land in the middle of a drain");
    }
}
