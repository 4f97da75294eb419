using MailOps.Compliance.Common;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Hosting;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Running;

/// <summary>What one pulse did.</summary>
internal sealed record PulseReport(DateTimeOffset At, IngestCounts? Ingested, string? MailboxProblem, Snapshot Snapshot, QueuedCounts Queued, DispatchCounts Sent, int StillQueued);

/// <summary>
/// One beat of the running worker: read the mailbox's changes into the store, judge every assessed obligation
/// at this instant, queue what has fallen due (each mail once under its key), and send what is queued. Beats
/// never overlap; a mailbox that cannot be read is reported (and shown in the digest's warnings) while the
/// rest of the beat still runs, so deadlines turn overdue and the digest goes out even when the mailbox is down.
/// </summary>
internal sealed partial class Pulse(
    IMailbox mailbox,
    MailStore store,
    MessageParser parser,
    Assessor assessor,
    Notifier notifier,
    NotificationDispatcher dispatcher,
    TimeProvider time,
    ILogger<Pulse> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _mailboxProblem;

    public PulseReport? Last { get; private set; }

    /// <summary>How often the worker beats, written to the status file so that a health check knows what is late.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <param name="reason">Why it beats (interval, deadline, digest, start), for the log.</param>
    /// <exception cref="MailboxAccessException">The mailbox refuses MailOps: the administrator must grant access.</exception>
    /// <param name="stopping">Stops between pages of the mailbox, never inside one: the page in hand is finished.</param>
    public async Task<PulseReport> RunAsync(string reason, CancellationToken stopping)
    {
        await _gate.WaitAsync(stopping).ConfigureAwait(false);
        try
        {
            if (WorkerRequests.Serve(store) is > 0 and var requests)
            {
                LogRequests(logger, requests);
            }

            IngestCounts? ingested = null;
            try
            {
                ingested = await new Ingestor(mailbox, store, parser).IngestAsync(stopping).ConfigureAwait(false);
                _mailboxProblem = null;
            }
            catch (Exception ex) when (ex is MailboxUnavailableException or IOException or UnauthorizedAccessException)
            {
                _mailboxProblem = ex.Message;
                LogMailboxProblem(logger, mailbox.Identity.Address, ex.Message);
            }

            var now = time.GetUtcNow();
            var snapshot = assessor.Judge(store, now);
            var queued = notifier.Queue(store, snapshot, Warnings(now));
            var sent = await dispatcher.DrainAsync(stopping).ConfigureAwait(false);
            var report = new PulseReport(now, ingested, _mailboxProblem, snapshot, queued, sent, store.Unsent().Count);
            Last = report;
            WriteStatus(reason, report);
            // A beat that found and sent nothing is logged at Debug: every 30 s of "nothing new" would drown the log.
            var quiet = (ingested is null || ingested.Parsed + ingested.Skipped == 0) && queued.Total == 0 && sent.Sent == 0 && reason == "interval";
            var level = quiet ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var onTime = snapshot.Results.Count(r => r.Status == ObligationStatus.OnTime);
                var late = snapshot.Results.Count(r => r.Status == ObligationStatus.Late);
                var overdue = snapshot.Results.Count(r => r.Status is ObligationStatus.Overdue or ObligationStatus.Missing);
                var pending = snapshot.Results.Count(r => r.Status == ObligationStatus.Pending);
                LogPulse(
                    logger,
                    level,
                    reason,
                    ingested?.Parsed + ingested?.Skipped ?? 0,
                    ingested?.Submissions ?? 0,
                    onTime,
                    late,
                    overdue,
                    pending,
                    queued.Nudges,
                    queued.Overdue,
                    queued.Digests + queued.Monthly + queued.Quarterly,
                    sent.Sent,
                    report.StillQueued);
            }

            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void WriteStatus(string reason, PulseReport report)
    {
        var byStatus = report.Snapshot.Results
            .GroupBy(r => ObligationStatuses.Name(r.Status))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        try
        {
            StatusFile.Write(store.Path, new WorkerStatus(
                report.At,
                reason,
                mailbox.Identity.Address,
                report.MailboxProblem,
                store.MessageCount,
                report.Ingested is { } i ? i.Parsed + i.Skipped : 0,
                report.Ingested?.Submissions ?? 0,
                byStatus,
                report.Queued.Total,
                report.Sent.Sent,
                report.StillQueued,
                Environment.ProcessId,
                Interval));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogStatusNotWritten(logger, StatusFile.PathFor(store.Path), ex.Message);
        }
    }

    // What headquarters should know about MailOps itself: calendar data running out, the mailbox failing.
    private List<LocalizedText> Warnings(DateTimeOffset now)
    {
        var warnings = new List<LocalizedText>();
        var regime = assessor.Regime;
        if (regime.Calendar.CoverageWarning(regime.Zone.DateOf(now)) is { } calendar)
        {
            warnings.Add(calendar.Message);
        }

        if (_mailboxProblem is { } problem)
        {
            warnings.Add(new LocalizedText($"邮箱 {mailbox.Identity.Address} 读取失败，报送情况可能不完整：{problem}", $"The mailbox {mailbox.Identity.Address} could not be read, so what is shown may be incomplete: {problem}"));
        }

        return warnings;
    }

    [LoggerMessage(EventId = 20, Message = "Pulse ({Reason}): {Messages} new message(s), {Submissions} submission(s); obligations {OnTime} on time, {Late} late, {Overdue} overdue or missing, {Pending} pending; queued {Nudges} nudge(s), {OverdueNotices} overdue notice(s), {Headquarters} HQ mail(s); sent {Sent}, {Queued} waiting")]
    private static partial void LogPulse(ILogger logger, LogLevel level, string reason, int messages, int submissions, int onTime, int late, int overdue, int pending, int nudges, int overdueNotices, int headquarters, int sent, int queued);

    [LoggerMessage(24, LogLevel.Information, "Served {Count} request(s) of mailops adjudicate or backup")]
    private static partial void LogRequests(ILogger logger, int count);

    [LoggerMessage(22, LogLevel.Warning, "The status file {Path} could not be written: {Problem}")]
    private static partial void LogStatusNotWritten(ILogger logger, string path, string problem);

    [LoggerMessage(21, LogLevel.Warning, "The mailbox {Mailbox} could not be read; judging and sending go on with what is stored: {Problem}")]
    private static partial void LogMailboxProblem(ILogger logger, string mailbox, string problem);
}
