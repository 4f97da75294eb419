using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailOps.Worker.Hosting;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Running;

/// <summary>The worker's counters: what a beat did, as dotnet-counters and an OpenTelemetry collector see it.</summary>
public sealed class MailOpsMetricsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Record_ABeatOverTheSampleMonth_CountsMessagesReportsMailAndItsDuration()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other tests in the process make meters of the same name.
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + 1);
        listener.Start();
        var time = new FakeTimeProvider(SampleMonth.Morning);
        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = SampleMonth.CopyInbox(_folder["inbox"]), Outbox = _folder["outbox"] }, time);
        using var harness = PulseHarness.Start(_folder["mailops.db"], time, mailbox, metrics: new MailOpsMetrics(factory));

        var report = await harness.BeatAsync();

        measured["mailops.messages.read"].Should().Be(report.Ingested!.Stored).And.Be(85);
        measured["mailops.reports.parsed"].Should().Be(report.Ingested.Submissions).And.BeGreaterThan(0);
        measured["mailops.notifications.queued"].Should().Be(report.Queued.Total);
        measured["mailops.notifications.sent"].Should().Be(report.Sent.Sent).And.BeGreaterThan(0);
        measured["mailops.beat.duration"].Should().Be(1, "one beat, one duration");
        measured.Should().NotContainKey("mailops.mailbox.failures", "the mailbox was read");
    }

    [Fact]
    public async Task Run_WithAnOtlpEndpoint_ExportsTheCountersThere()
    {
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        var port = ((IPEndPoint)collector.LocalEndpoint).Port;
        // The beat's duration is recorded when the beat ends, after its messages were counted, so an export made
        // mid-beat carries the one and not the other: wait for the request that carries the last of them.
        var received = CollectAsync(collector, "mailops.beat.duration");
        var settings = new Dictionary<string, string?>
        {
            ["MailOps:Store:Path"] = _folder["mailops.db"],
            ["MailOps:Store:BackupCount"] = "0",
            ["MailOps:Mailbox:Folder:Inbox"] = SampleMonth.CopyInbox(_folder["inbox"]),
            ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
            ["MailOps:Sending:PerMinute"] = "10000",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        };
        using var host = MailOpsHost.Build([], settings, new FakeTimeProvider(SampleMonth.Morning), configFolder: null, watch: true, b => b.Logging.ClearProviders());
        await host.StartAsync();

        var request = await received.WaitAsync(TimeSpan.FromMinutes(2));

        request.Should().StartWith("POST /v1/metrics").And.Contain("mailops.messages.read", "exports are cumulative, so the counter recorded earlier in the beat is there too");
        await host.StopAsync();
    }

    // A collector just faithful enough: reads OTLP/HTTP requests until one carries the metric's name, answers 200 to each.
    private static async Task<string> CollectAsync(TcpListener listener, string metric)
    {
        while (true)
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            try
            {
                do
                {
                    read = await stream.ReadAsync(chunk);
                    buffer.Write(chunk, 0, read);
                }
                while (read > 0 && !Complete(buffer.ToArray()));

                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
            catch (IOException)
            {
                continue; // the exporter gave up on this request (a stalled machine): the next export carries it again
            }

            var text = Encoding.UTF8.GetString(buffer.ToArray());
            if (text.Contains(metric, StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    // Whole once the headers have ended and Content-Length bytes followed them.
    private static bool Complete(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var header = text[..end].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return header is null || bytes.Length - (end + 4) >= int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
