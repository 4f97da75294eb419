using MailOps.Compliance.Common;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Assessment;
using MailOps.Worker.Events;
using MailOps.Worker.Hosting;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Sending;
using MailOps.Worker.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Running;

/// <summary>What one pulse did; <see cref="StoreProblem"/> set when the store failed and the beat judged and sent nothing.</summary>
internal sealed record PulseReport(DateTimeOffset At, IngestCounts? Ingested, string? MailboxProblem, Snapshot Snapshot, QueuedCounts Queued, DispatchCounts Sent, int StillQueued, string? StoreProblem = null);

/// <summary>
/// One beat of the running worker: read the mailbox's changes into the store, judge every assessed obligation
/// at this instant, queue what has fallen due (each mail once under its key), and send what is queued. Beats
/// never overlap; a mailbox that cannot be read is reported (and shown in the digest's warnings) while the
/// rest of the beat still runs, so deadlines turn overdue and the digest goes out even when the mailbox is down.
/// Two things stop a beat before it judges: a store that cannot be written (what it holds may be half a page
/// behind the mailbox, so judging it would tell owners who reported that they had not; the store is reopened at
/// the next beat, and the next digest says what happened), and a mailbox never yet read into this store (every
/// obligation would read as missing from mail never seen).
/// </summary>
internal sealed partial class Pulse(
    IMailbox mailbox,
    MailStore store,
    MessageParser parser,
    Assessor assessor,
    Notifier notifier,
    NotificationDispatcher dispatcher,
    TimeProvider time,
    ILogger<Pulse> logger,
    IOptions<StoreOptions>? storeOptions = null,
    MailOpsMetrics? metrics = null,
    LiveEvents? events = null,
    ILogger<Ingestor>? ingestLogger = null,
    ICalendarFeed? calendar = null,
    Actions.MailActions? actions = null) : IDisposable
{
    private readonly CalendarSync? _calendar = calendar is null ? null : new CalendarSync(calendar, logger);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _backups = storeOptions?.Value.BackupCount ?? new StoreOptions().BackupCount;
    private string? _mailboxProblem;
    private StoreFault? _storeFault;
    private StoreFault? _storeFaultToTell;
    private string? _fileProblem;

    public PulseReport? Last { get; private set; }

    /// <summary>How often the worker beats, written to the status file so that a health check knows what is late.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before the calendar's data ends the digest says so (<c>MailOps:Regime:CalendarWarningWindow</c>).</summary>
    public TimeSpan CalendarWarningWindow { get; set; } = TimeSpan.FromDays(60);

    /// <summary>The Graph certificate's expiry warning at an instant, or null; set by the worker when it signs in with one.</summary>
    public Func<DateTimeOffset, string?>? CertificateWarning { get; set; }

    /// <param name="reason">Why it beats, for the log and the status file; a quiet interval beat is logged at Debug.</param>
    /// <exception cref="MailboxAccessException">The mailbox refuses MailOps: the administrator must grant access.</exception>
    /// <param name="stopping">Stops between pages of the mailbox, never inside one: the page in hand is finished.</param>
    public async Task<PulseReport> RunAsync(BeatReason reason, CancellationToken stopping)
    {
        await _gate.WaitAsync(stopping).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var started = time.GetTimestamp();
            PulseReport report;
            try
            {
                report = await BeatAsync(reason, now, stopping).ConfigureAwait(false);
            }
            catch (StoreFaultException ex)
            {
                _storeFault = _storeFault is { } ongoing ? ongoing with { Problem = ex.Message } : new StoreFault(now, now, ex.Message);
                LogStoreFault(logger, store.Path, ex.Message);
                report = new PulseReport(now, null, _mailboxProblem, Snapshot.Empty(now), QueuedCounts.None, new DispatchCounts(), 0, ex.Message);
                Last = report;
                WriteStatus(reason, report, mailboxEverRead: true);
            }

            metrics?.Record(report, time.GetElapsedTime(started));
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<PulseReport> BeatAsync(BeatReason reason, DateTimeOffset now, CancellationToken stopping)
    {
        var parts = new BeatParts(time);
        if (WorkerRequests.Serve(store) is > 0 and var requests)
        {
            LogRequests(logger, requests);
        }

        // The events file is imported when it changed, and what reads mail is bound to the events as they stand; an
        // invitation read in this beat changes them again, so judging binds once more after the mailbox is read.
        if (events?.ImportFile(store) is > 0 and var imported)
        {
            LogEventsImported(logger, imported);
        }

        if (events?.FileProblem is { } fileProblem && fileProblem != _fileProblem)
        {
            LogEventsFileProblem(logger, fileProblem);
        }

        _fileProblem = events?.FileProblem;

        var reading = events?.Bind(store);
        parts.Mark(ref parts.Preparing);
        IngestCounts? ingested = null;
        try
        {
            ingested = await new Ingestor(mailbox, store, reading?.Parser ?? parser, logger: ingestLogger, invitations: reading?.Invitations, rebind: events is null ? null : () => events.ReadingParts(store), actions: actions).IngestAsync(stopping).ConfigureAwait(false);
            _mailboxProblem = null;
        }
        catch (MailboxUnavailableException ex)
        {
            _mailboxProblem = ex.Message;
            LogMailboxProblem(logger, mailbox.Identity.Address, ex.Message);
        }

        // The shared calendar after the mailbox: a calendar that cannot be read is said like a mailbox that cannot, and
        // the beat goes on with the events already stored.
        if (_calendar is not null && events?.Bind(store).Invitations is { } reader)
        {
            try
            {
                var synced = await _calendar.SyncAsync(store, reader, now, stopping).ConfigureAwait(false);
                if (synced.Changed > 0 || synced.Gone > 0)
                {
                    LogCalendarSynced(logger, synced.Changed, synced.Gone, synced.Unplaced);
                }
            }
            catch (MailboxUnavailableException ex)
            {
                _mailboxProblem ??= ex.Message;
                LogMailboxProblem(logger, calendar!.CursorKey, ex.Message);
            }
        }

        if (_storeFault is { } fault)
        {
            // The store answers again: say so once, in the log now and in the next digest.
            _storeFaultToTell = fault with { Until = now };
            _storeFault = null;
            LogStoreRecovered(logger, store.Path, fault.Since);
        }

        var everRead = store.CursorSavedAt(Ingestor.CursorKeyOf(mailbox)) is not null;
        if (!everRead)
        {
            LogNeverRead(logger, mailbox.Identity.Address);
            var unread = new PulseReport(now, ingested, _mailboxProblem, Snapshot.Empty(now), QueuedCounts.None, new DispatchCounts(), store.Unsent().Count);
            Last = unread;
            WriteStatus(reason, unread, mailboxEverRead: false);
            return unread;
        }

        parts.Mark(ref parts.Reading);
        var judging = events?.Bind(store);
        var snapshot = (judging?.Assessor ?? assessor).Judge(store, now);
        var judgedAfresh = (judging?.Assessor ?? assessor).LastJudging == JudgingKind.Afresh;
        parts.Mark(ref parts.Judging);
        var queued = (judging?.Notifier ?? notifier).Queue(store, snapshot, Warnings(now, snapshot));
        if (queued.Digests > 0)
        {
            _storeFaultToTell = null;
        }

        parts.Mark(ref parts.Queueing);
        var sent = await dispatcher.DrainAsync(stopping).ConfigureAwait(false);
        parts.Mark(ref parts.Sending);
        TakeBackup(now);
        var report = new PulseReport(now, ingested, _mailboxProblem, snapshot, queued, sent, store.Unsent().Count);
        Last = report;
        WriteStatus(reason, report, mailboxEverRead: true);
        parts.Mark(ref parts.Recording);
        LogParts(logger, parts.Preparing, parts.Reading, parts.Judging, parts.Queueing, parts.Sending, parts.Recording);
        GiveBackAfter(reason, judgedAfresh, ingested);
        // A beat that found and sent nothing is logged at Debug: every 30 s of "nothing new" would drown the log.
        var quiet = (ingested is null || ingested.Stored == 0) && queued.Total == 0 && sent.Sent == 0 && reason == BeatReason.Interval;
        var level = quiet ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            var named = BeatReasons.Name(reason);
            var onTime = snapshot.Results.Count(r => r.Status == ObligationStatus.OnTime);
            var late = snapshot.Results.Count(r => r.Status == ObligationStatus.Late);
            var overdue = snapshot.Results.Count(r => r.Status is ObligationStatus.Overdue or ObligationStatus.Missing);
            var pending = snapshot.Results.Count(r => r.Status == ObligationStatus.Pending);
            LogPulse(
                logger,
                level,
                named,
                ingested?.Stored ?? 0,
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

        if (ingested is { Held: > 0 } or { FetchFailures: > 0 })
        {
            LogHeld(logger, ingested.FetchFailures, ingested.Held, ingested.LastFetchError ?? "");
        }

        return report;
    }

    /// <summary>New messages in one beat from which it counts as a beat that read much.</summary>
    internal const int ManyMessages = 1000;

    // A beat that read much gives back at once the memory it grew for it: the first after a start (which reads every
    // message's headers again), a judgement afresh (the whole window read from the store), a beat of many new
    // messages. Otherwise the collector keeps, for good, the heap the busiest beat needed: a worker over a year of
    // mail held some hundred megabytes more than its window needs. The aggressive mode compacts and decommits.
    private static void GiveBackAfter(BeatReason reason, bool judgedAfresh, IngestCounts? ingested)
    {
        if (reason == BeatReason.Start || judgedAfresh || ingested?.Stored >= ManyMessages)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    // The worker's own daily backup, taken after a beat that judged and sent; a backup that cannot be written is
    // logged, and the beat's work stands (a fault of the store itself propagates like any other).
    private void TakeBackup(DateTimeOffset now)
    {
        try
        {
            if (StoreBackups.Rotate(store, assessor.Regime.Zone.DateOf(now), _backups) is { } taken)
            {
                LogBackup(logger, taken, _backups);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogBackupFailed(logger, StoreBackups.FolderFor(store.Path), ex.Message);
        }
    }

    private void WriteStatus(BeatReason reason, PulseReport report, bool mailboxEverRead)
    {
        var byStatus = report.Snapshot.Results
            .GroupBy(r => ObligationStatuses.Name(r.Status))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        try
        {
            StatusFile.Write(store.Path, new WorkerStatus(
                report.At,
                BeatReasons.Name(reason),
                mailbox.Identity.Address,
                report.MailboxProblem,
                report.StoreProblem is null ? store.MessageCount : 0,
                report.Ingested?.Stored ?? 0,
                report.Ingested?.Submissions ?? 0,
                byStatus,
                report.Queued.Total,
                report.Sent.Sent,
                report.StillQueued,
                Environment.ProcessId,
                Interval,
                StoreProblem: report.StoreProblem,
                MailboxEverRead: mailboxEverRead));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogStatusNotWritten(logger, StatusFile.PathFor(store.Path), ex.Message);
        }
    }

    // What headquarters should know about MailOps itself: the mailbox or the store failing (shown first), and the
    // administrator's tasks, the calendar's data running out and the Graph certificate expiring (one line at the foot).
    private List<DigestWarning> Warnings(DateTimeOffset now, Snapshot snapshot)
    {
        var warnings = new List<DigestWarning>();
        var regime = assessor.Regime;
        foreach (var unseen in MailFlowWatch.Unseen(regime.Catalog, snapshot.Results, now))
        {
            var days = (int)unseen.Span.TotalDays;
            var last = unseen.LastSeen is { } seen ? regime.Zone.ToLocal(seen) : (DateTimeOffset?)null;
            warnings.Add(DigestWarning.Operational(new LocalizedText(
                $"{unseen.Report.Name.Zh}已有 {days} 天以上未在监控邮箱中出现（{(last is { } l ? $"上次收到：{l:yyyy-MM-dd}" : "开始监控以来从未收到")}），虽有多个单位应报：可能是这类邮件没有进入该邮箱（通讯组、邮件流规则或 Outlook 规则），请系统管理员按 docs/exchange.md 检查。",
                $"No {unseen.Report.Name.En} has reached the watched mailbox for more than {days} days ({(last is { } e ? $"last received {e:yyyy-MM-dd}" : "none since monitoring began")}), though several units owe it: the mail flow may miss it (a list, a mail flow rule, an Outlook rule); the administrator should check it as docs/exchange.md says.")));
        }

        if (regime.Calendar.CoverageWarning(regime.Zone.DateOf(now), (int)CalendarWarningWindow.TotalDays) is { } calendar)
        {
            warnings.Add(DigestWarning.Of(calendar));
        }

        if (CertificateWarning?.Invoke(now) is { } certificate)
        {
            warnings.Add(DigestWarning.ForTheAdministrator(new LocalizedText($"MailOps 登录 Microsoft Graph 所用的证书即将到期或已到期：{certificate}", certificate)));
        }

        if (_storeFaultToTell is { } fault)
        {
            var since = regime.Zone.ToLocal(fault.Since);
            var until = regime.Zone.ToLocal(fault.Until);
            warnings.Add(DigestWarning.Operational(new LocalizedText(
                $"{since:yyyy-MM-dd HH:mm} 至 {until:yyyy-MM-dd HH:mm} MailOps 的存储无法写入（{fault.Problem}），期间没有判断或发送任何邮件；此后已恢复，本摘要按恢复后读到的邮件判断。",
                $"From {since:yyyy-MM-dd HH:mm} to {until:yyyy-MM-dd HH:mm} MailOps's store could not be written ({fault.Problem}); nothing was judged or sent in that time. It has recovered, and this digest judges the mail read since.")));
        }

        if (_mailboxProblem is { } problem)
        {
            warnings.Add(DigestWarning.Operational(new LocalizedText($"邮箱 {mailbox.Identity.Address} 读取失败，报送情况可能不完整：{problem}", $"The mailbox {mailbox.Identity.Address} could not be read, so what is shown may be incomplete: {problem}")));
        }

        return warnings;
    }

    [LoggerMessage(25, LogLevel.Error, "The store {Path} cannot be written; this beat judged, queued and sent nothing, and the next beat reopens it: {Problem}")]
    private static partial void LogStoreFault(ILogger logger, string path, string problem);

    [LoggerMessage(26, LogLevel.Warning, "The store {Path} can be written again (it failed from {Since}); the next digest says so")]
    private static partial void LogStoreRecovered(ILogger logger, string path, DateTimeOffset since);

    [LoggerMessage(27, LogLevel.Warning, "The mailbox {Mailbox} has never been read into this store; nothing is judged or sent until it has, so that no obligation reads as missing from mail never seen")]
    private static partial void LogNeverRead(ILogger logger, string mailbox);

    [LoggerMessage(28, LogLevel.Warning, "{Failures} message(s) could not be fetched (tried again at later beats) and {Held} held for a person after repeated failures; the last error: {Problem}")]
    private static partial void LogHeld(ILogger logger, int failures, int held, string problem);

    [LoggerMessage(29, LogLevel.Information, "Backed up the store to {Backup} (keeping {Keep} daily backups)")]
    private static partial void LogBackup(ILogger logger, string backup, int keep);

    [LoggerMessage(33, LogLevel.Warning, "The daily backup could not be written to {Folder}: {Problem}")]
    private static partial void LogBackupFailed(ILogger logger, string folder, string problem);

    [LoggerMessage(EventId = 20, Message = "Pulse ({Reason}): {Messages} new message(s), {Submissions} submission(s); obligations {OnTime} on time, {Late} late, {Overdue} overdue or missing, {Pending} pending; queued {Nudges} nudge(s), {OverdueNotices} overdue notice(s), {Headquarters} HQ mail(s); sent {Sent}, {Queued} waiting")]
    private static partial void LogPulse(ILogger logger, LogLevel level, string reason, int messages, int submissions, int onTime, int late, int overdue, int pending, int nudges, int overdueNotices, int headquarters, int sent, int queued);

    [LoggerMessage(24, LogLevel.Information, "Served {Count} request(s) of mailops adjudicate or backup")]
    private static partial void LogRequests(ILogger logger, int count);

    [LoggerMessage(22, LogLevel.Warning, "The status file {Path} could not be written: {Problem}")]
    private static partial void LogStatusNotWritten(ILogger logger, string path, string problem);

    [LoggerMessage(37, LogLevel.Information, "Events file imported: {Changed} event(s) declared, moved or cancelled")]
    private static partial void LogEventsImported(ILogger logger, int changed);

    [LoggerMessage(38, LogLevel.Warning, "The events file was not imported: {Problem}")]
    private static partial void LogEventsFileProblem(ILogger logger, string problem);

    [LoggerMessage(39, LogLevel.Information, "Shared calendar read: {Changed} event(s) declared, moved or restored, {Gone} cancelled, {Unplaced} item(s) that cannot be placed")]
    private static partial void LogCalendarSynced(ILogger logger, int changed, int gone, int unplaced);

    [LoggerMessage(21, LogLevel.Warning, "The mailbox {Mailbox} could not be read; judging and sending go on with what is stored: {Problem}")]
    private static partial void LogMailboxProblem(ILogger logger, string mailbox, string problem);

    [LoggerMessage(23, LogLevel.Debug, "Beat took, in ms: {Preparing} requests and events, {Reading} the mailbox and calendar, {Judging} judging, {Queueing} queueing, {Sending} sending, {Recording} backup and status")]
    private static partial void LogParts(ILogger logger, long preparing, long reading, long judging, long queueing, long sending, long recording);

    /// <summary>How long each part of a beat took, in whole milliseconds, for the Debug log: each <see cref="Mark"/> ends a part.</summary>
    private struct BeatParts(TimeProvider time)
    {
        public long Preparing;
        public long Reading;
        public long Judging;
        public long Queueing;
        public long Sending;
        public long Recording;
        private long _since = time.GetTimestamp();

        public void Mark(ref long part)
        {
            var now = time.GetTimestamp();
            part = (long)time.GetElapsedTime(_since, now).TotalMilliseconds;
            _since = now;
        }
    }

    /// <summary>A spell of store faults: when it began, when the store answered again, and the last failure.</summary>
    private sealed record StoreFault(DateTimeOffset Since, DateTimeOffset Until, string Problem);
}
