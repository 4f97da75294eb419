using System.Text;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailOps.Worker.Tests.Graph;

/// <summary>
/// The real Graph client (paging, serialization, its retry handler) against the Graph test server: a large mailbox
/// read and a queue sent while a fifth of the requests fail, and what reading costs in requests.
/// </summary>
public sealed class GraphUnderFaultsTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private GraphTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private GraphMailbox Mailbox(int pageSize = 50) => new(_server.Options(pageSize), _time, NullLogger<GraphMailbox>.Instance);

    [Fact]
    public async Task FiveThousandMessagesAndTwoHundredNotifications_WithAFifthOfRequestsFaulted_AreEachStoredAndSentExactlyOnce()
    {
        var reports = GraphCorpus.Deliver(_server, 5000);
        _server.Faults = new GraphFaults { Rate = 0.2, Kinds = [GraphFault.Throttle, GraphFault.Unavailable, GraphFault.Drop, GraphFault.DropAfterSend] };
        using var mailbox = Mailbox();
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        // A pass that meets a failure the client's retries did not absorb ends; the next starts from the saved cursor.
        var ingestor = new Ingestor(mailbox, store, ShippedRegime.Parser);
        var passes = await UntilItSucceeds(() => ingestor.IngestAsync(default));

        // A message whose fetch failed is tried again at the start of the next pass, as at the worker's next beat.
        while (store.PendingFetchList().Count > 0 && passes < 500)
        {
            passes += await UntilItSucceeds(() => ingestor.IngestAsync(default));
        }

        for (var i = 0; i < 200; i++)
        {
            store.TryQueue($"nudge/{i:000}", "nudge", Encoding.UTF8.GetBytes($"From: reports@hq.example.com\r\nTo: crm@cq.example.com\r\nSubject: 催报 {i:000}\r\n\r\n请补报。\r\n"));
        }

        using var dispatcher = new NotificationDispatcher(mailbox, store, new SendingOptions(), _time, NullLogger<NotificationDispatcher>.Instance);
        var drains = 0;
        using (var clock = new RunningClock(_time))
        {
            while (store.Unsent().Count > 0 && drains < 100)
            {
                drains++;
                await dispatcher.DrainAsync(default);
            }
        }

        output.WriteLine($"ingest passes {passes}, drains {drains}, requests {_server.TotalRequests}: {string.Join(", ", _server.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        store.MessageCount.Should().Be(5000);
        store.AllOutcomes().Should().HaveCount(reports).And.OnlyHaveUniqueItems(o => o.MessageId);
        store.Unsent().Should().BeEmpty();
        _server.SendsBySubject.Should().HaveCount(200).And.OnlyContain(s => s.Value == 1);
        foreach (var fault in new[] { "fault:429", "fault:503", "fault:drop", "fault:drop-after-send" })
        {
            _server.Count(fault).Should().BePositive($"{fault} was injected");
        }
    }

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    public async Task Reading_AThousandMessages_CostsAboutOneRequestPerReportMessageAndNothingExtraForOrdinaryMail(int pageSize)
    {
        var reports = GraphCorpus.Deliver(_server, 1000);
        using var mailbox = Mailbox(pageSize);
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(default);

        var (pages, fetches) = (_server.Count("delta"), _server.Count("mime"));
        var perReport = 1 + ((double)pages / 1000);
        output.WriteLine(System.FormattableString.Invariant(
            $"page size {pageSize}: {pages} delta pages + {fetches} $value for {reports} report-like of 1000 messages = {pages + fetches} requests; {(double)(pages + fetches) / reports:0.00} per report message in all, {perReport:0.00} with pages shared over every message read"));
        fetches.Should().Be(reports, "one $value per report-like message, none for ordinary mail");
        pages.Should().Be(1000 / pageSize);
        perReport.Should().BeLessThanOrEqualTo(1.1);
        _server.TotalRequests.Should().Be(pages + fetches);
    }

    private static async Task<int> UntilItSucceeds(Func<Task> pass)
    {
        for (var passes = 1; ; passes++)
        {
            try
            {
                await pass();
                return passes;
            }
            catch (MailboxUnavailableException) when (passes < 500)
            {
            }
        }
    }

    /// <summary>Moves a fake clock on two seconds every millisecond, so pacing waits pass quickly.</summary>
    private sealed class RunningClock : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public RunningClock(FakeTimeProvider time) =>
            _running = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    time.Advance(TimeSpan.FromSeconds(2));
                    await Task.Delay(1);
                }
            });

        public void Dispose()
        {
            _stop.Cancel();
            _running.Wait();
            _stop.Dispose();
        }
    }
}
