using System.Diagnostics.Metrics;

namespace MailOps.Worker.Running;

/// <summary>
/// What the running worker does, as counters of the meter <c>MailOps</c> (<see cref="MeterName"/>) that
/// <c>dotnet-counters monitor -n mailops --counters MailOps</c> shows, and that an OpenTelemetry collector receives
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Recorded once per beat from what the beat did.
/// </summary>
internal sealed class MailOpsMetrics
{
    public const string MeterName = "MailOps";

    private readonly Counter<long> _messagesRead;
    private readonly Counter<long> _reportsParsed;
    private readonly Counter<long> _held;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _mailboxFailures;
    private readonly Counter<long> _storeFaults;
    private readonly Histogram<double> _beatDuration;

    public MailOpsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messagesRead = meter.CreateCounter<long>("mailops.messages.read", "{message}", "New messages read from the mailbox and stored.");
        _reportsParsed = meter.CreateCounter<long>("mailops.reports.parsed", "{report}", "New messages that are a unit's report (submissions).");
        _held = meter.CreateCounter<long>("mailops.messages.held", "{message}", "Messages held for a person: their handling or their fetch failed.");
        _queued = meter.CreateCounter<long>("mailops.notifications.queued", "{notification}", "Nudges, overdue notices and HQ mail queued.");
        _sent = meter.CreateCounter<long>("mailops.notifications.sent", "{notification}", "Notifications sent.");
        _mailboxFailures = meter.CreateCounter<long>("mailops.mailbox.failures", "{beat}", "Beats at which the mailbox could not be read.");
        _storeFaults = meter.CreateCounter<long>("mailops.store.faults", "{beat}", "Beats stopped because the store could not be written.");
        _beatDuration = meter.CreateHistogram<double>("mailops.beat.duration", "s", "How long a beat took: read, judge, queue, send.");
    }

    /// <summary>Records one beat's report and how long it took.</summary>
    public void Record(PulseReport report, TimeSpan took)
    {
        if (report.Ingested is { } ingested)
        {
            _messagesRead.Add(ingested.Stored);
            _reportsParsed.Add(ingested.Submissions);
            _held.Add(ingested.Held);
        }

        _queued.Add(report.Queued.Total);
        _sent.Add(report.Sent.Sent);
        if (report.MailboxProblem is not null)
        {
            _mailboxFailures.Add(1);
        }

        if (report.StoreProblem is not null)
        {
            _storeFaults.Add(1);
        }

        _beatDuration.Record(took.TotalSeconds);
    }
}
