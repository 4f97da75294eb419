using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;

namespace MailOps.Compliance.Evaluation;

/// <summary>
/// Judges obligations against what was received by an instant. Which submission counts when a report is sent
/// more than once: the last one received by the deadline (a correction before the deadline replaces the
/// original without cost), otherwise the first one received after it (a later resend does not undo lateness
/// or a fault already on the record). Submissions received after the quarter's books close do not count: the
/// obligation is missing, and the first of them is kept as its evidence (<see cref="ObligationResult.AfterBooksClosed"/>).
/// </summary>
public sealed class ObligationEvaluator
{
    private readonly RegimeZone _zone;
    private readonly ScoringPolicy _policy;
    private readonly Lateness _lateness;
    private readonly int _workingDaysToMissing;

    public ObligationEvaluator(WorkingCalendar calendar, RegimeZone zone, ScoringPolicy policy)
    {
        _zone = zone;
        _policy = policy;
        _lateness = new Lateness(calendar, zone);

        // Missing once arriving now would be late by enough working days to cost as much as missing it (capped).
        var worst = Math.Min(policy.CapPerObligation, policy.Missing);
        _workingDaysToMissing = policy.LatePerWorkingDay <= 0 ? int.MaxValue : (worst + policy.LatePerWorkingDay - 1) / policy.LatePerWorkingDay;
    }

    /// <summary>Evaluates many obligations at once, matching submissions and entries by obligation key.</summary>
    public IReadOnlyList<ObligationResult> EvaluateAll(
        IReadOnlyList<Obligation> obligations,
        IEnumerable<Submission> submissions,
        IEnumerable<ManualEntry> entries,
        DateTimeOffset asOf)
    {
        var submissionsByKey = submissions.ToLookup(s => s.ObligationKey, StringComparer.Ordinal);
        var entriesByKey = entries.Where(e => e.ObligationKey is not null).ToLookup(e => e.ObligationKey!, StringComparer.Ordinal);
        var results = new ObligationResult[obligations.Count];
        for (var i = 0; i < obligations.Count; i++)
        {
            var key = obligations[i].Key;
            results[i] = Evaluate(obligations[i], submissionsByKey[key], entriesByKey[key], asOf);
        }

        return results;
    }

    /// <param name="submissions">Submissions classified as this obligation's report, unit and period.</param>
    /// <param name="entries">Wrong and concealed entries recorded for this obligation, revoked ones included (listed at 0 points).</param>
    public ObligationResult Evaluate(Obligation obligation, IEnumerable<Submission> submissions, IEnumerable<ManualEntry> entries, DateTimeOffset asOf)
    {
        var close = BooksClose(obligation);
        var known = submissions.Where(s => s.Received <= asOf).OrderBy(s => s.Received).ToList();
        var received = known.Where(s => s.Received < close).ToList();
        var counted = received.LastOrDefault(s => s.Received <= obligation.Due) ?? received.FirstOrDefault();
        var afterClose = counted is null ? known.FirstOrDefault(s => s.Received >= close) : null;
        var findings = new List<AssessedFinding>();
        ObligationStatus status;
        int daysLate;

        if (counted is not null)
        {
            daysLate = _lateness.WorkingDaysLate(obligation.Due, counted.Received);
            status = daysLate == 0 ? ObligationStatus.OnTime : ObligationStatus.Late;
            if (daysLate > 0)
            {
                findings.Add(new AssessedFinding(FindingKind.Late, LateDetail(obligation, counted.Received, daysLate), daysLate * _policy.LatePerWorkingDay));
            }

            var incompleteCharged = false;
            foreach (var finding in counted.Findings)
            {
                var points = finding.Kind switch
                {
                    _ when finding.IsIncomplete && !incompleteCharged => _policy.Incomplete,
                    FindingKind.Wrong => _policy.Wrong,
                    FindingKind.Concealed => _policy.Concealed,
                    _ => 0,
                };
                incompleteCharged |= finding.IsIncomplete;
                findings.Add(new AssessedFinding(finding.Kind, finding.Detail, points));
            }
        }
        else if (asOf <= obligation.Due)
        {
            (status, daysLate) = (ObligationStatus.Pending, 0);
        }
        else
        {
            daysLate = _lateness.WorkingDaysLate(obligation.Due, asOf);
            if (daysLate >= _workingDaysToMissing || asOf >= close)
            {
                status = ObligationStatus.Missing;
                var detail = afterClose is null ? MissingDetail(obligation, asOf) : ClosedDetail(obligation, afterClose.Received, close);
                findings.Add(new AssessedFinding(FindingKind.Missing, detail, _policy.Missing));
            }
            else
            {
                status = ObligationStatus.Overdue;
                findings.Add(new AssessedFinding(FindingKind.Late, OverdueDetail(daysLate), daysLate * _policy.LatePerWorkingDay));
            }
        }

        // Additional penalties belong to the unit, outside this instance's cap (see ScoreCalculator). A judgement
        // withdrawn by asOf stays listed, so that the record shows what was decided and undone, but costs nothing.
        foreach (var entry in entries.Where(e => e.RecordedAt <= asOf && e.Kind != ManualEntryKind.AdditionalPenalty))
        {
            var (kind, points) = entry.Kind == ManualEntryKind.Wrong ? (FindingKind.Wrong, _policy.Wrong) : (FindingKind.Concealed, _policy.Concealed);
            findings.Add(entry.IsRevokedAt(asOf)
                ? new AssessedFinding(kind, RevokedDetail(entry, entry.Revoked!), 0) { Revoked = entry.Revoked }
                : new AssessedFinding(kind, new LocalizedText($"{entry.Reason}（{entry.Author} 认定）", $"{entry.Reason} (decided by {entry.Author})"), points));
        }

        var deduction = Math.Min(_policy.CapPerObligation, findings.Sum(f => f.Points));
        return new ObligationResult(obligation, status, daysLate, deduction, findings, counted) { AfterBooksClosed = afterClose };
    }

    /// <summary>
    /// The first instant from which evaluating the obligation again, with the same submissions and entries, may give
    /// another result than <paramref name="result"/> (its evaluation at <paramref name="asOf"/>): before it, the result
    /// stands as it is. The clock alone changes a pending obligation when its deadline passes, and an overdue or missing
    /// one at any instant (its lateness and its wording follow the clock: <paramref name="asOf"/> itself is returned);
    /// otherwise only a submission received, an entry recorded or revoked after <paramref name="asOf"/> (a clock set
    /// back) can, when its instant comes. <see cref="DateTimeOffset.MaxValue"/> when nothing can.
    /// </summary>
    public static DateTimeOffset NextChange(ObligationResult result, IEnumerable<Submission> submissions, IEnumerable<ManualEntry> entries, DateTimeOffset asOf)
    {
        if (result.Status is ObligationStatus.Overdue or ObligationStatus.Missing)
        {
            return asOf;
        }

        var next = result.Status == ObligationStatus.Pending ? result.Obligation.Due.AddTicks(1) : DateTimeOffset.MaxValue;
        foreach (var submission in submissions)
        {
            next = Later(submission.Received, next);
        }

        foreach (var entry in entries)
        {
            next = Later(entry.RecordedAt, next);
            next = entry.Revoked is { } revoked ? Later(revoked.At, next) : next;
        }

        return next;

        DateTimeOffset Later(DateTimeOffset instant, DateTimeOffset soonest) => instant > asOf && instant < soonest ? instant : soonest;
    }

    /// <summary>
    /// The last instant at which the obligation, still not received, is overdue rather than missing, and at which a
    /// report arriving still counts as late: the end of the last working day whose lateness costs less than the cap (or
    /// than missing it), or the second before the quarter's books close, whichever comes first. The deadline itself when
    /// a single working day late already costs as much as missing the report.
    /// </summary>
    public DateTimeOffset MissingAfter(Obligation obligation)
    {
        var lastLate = _workingDaysToMissing == int.MaxValue ? DateTimeOffset.MaxValue : _lateness.Bound(obligation.Due, Math.Max(0, _workingDaysToMissing - 1));
        var close = BooksClose(obligation).AddSeconds(-1);
        return lastLate < close ? lastLate : close;
    }

    /// <summary>When the obligation's quarter (the quarter its due date falls in) stops accepting anything: results day of the next quarter, 00:00.</summary>
    public DateTimeOffset BooksClose(Obligation obligation)
    {
        var quarter = Period.QuarterOf(_zone.DateOf(obligation.Due));
        var next = quarter.End.AddDays(1);
        return _zone.StartOf(DateRanges.Clamped(next.Year, next.Month, _policy.ResultsDay));
    }

    private LocalizedText LateDetail(Obligation obligation, DateTimeOffset received, int days)
    {
        var (due, at) = InstantText.Compared(_zone, obligation.Due, received);
        return new LocalizedText($"迟报 {days} 个工作日：应于 {due} 前报送，{at} 收到", $"late by {days} working day(s): due {due}, received {at}");
    }

    private LocalizedText RevokedDetail(ManualEntry entry, Revocation revoked)
    {
        var at = InstantText.Of(_zone, revoked.At);
        return new LocalizedText(
            $"{entry.Reason}（{entry.Author} 认定；{revoked.By} 于 {at} 撤销：{revoked.Reason}）",
            $"{entry.Reason} (decided by {entry.Author}; revoked by {revoked.By} at {at}: {revoked.Reason})");
    }

    private static LocalizedText OverdueDetail(int days) =>
        new($"尚未收到，已逾期 {days} 个工作日", $"not received; {days} working day(s) late so far");

    private LocalizedText MissingDetail(Obligation obligation, DateTimeOffset asOf)
    {
        var (due, at) = InstantText.Compared(_zone, obligation.Due, asOf);
        return new LocalizedText($"漏报：应于 {due} 前报送，截至 {at} 未收到", $"missing: due {due}, not received by {at}");
    }

    private LocalizedText ClosedDetail(Obligation obligation, DateTimeOffset received, DateTimeOffset close)
    {
        var due = InstantText.Of(_zone, obligation.Due);
        var (closed, at) = InstantText.Compared(_zone, close, received);
        return new LocalizedText($"漏报：应于 {due} 前报送，{at} 收到时本季度已于 {closed} 结账", $"missing: due {due}; received {at}, after the quarter's books closed at {closed}");
    }
}
