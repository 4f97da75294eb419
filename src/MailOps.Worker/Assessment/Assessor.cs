using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Store;

namespace MailOps.Worker.Assessment;

/// <summary>
/// Turns what the store holds into judged obligations: every submission parsing stored (and every
/// unauthenticated one a person accepted), every manual entry, against the obligations due from
/// <see cref="AssessmentOptions.Since"/> (and no more than two quarters back, enough for the quarterly
/// assessment and its three-month watch) to the end of the current week.
/// </summary>
/// <remarks>
/// A running worker judges every 30 seconds and its console on every page, so the assessor keeps what it read and
/// judged (<see cref="JudgedWindow"/>) and, at the next judgement, reads only what the store wrote since
/// (<see cref="MailStore.ChangesSince"/>) and judges again only the obligations that can have changed: those the new
/// outcomes or entries bear on, and those the clock moves (<see cref="ObligationEvaluator.NextChange"/>). The result
/// is the same as judging everything afresh, which it does when it has nothing to follow from: the first time, after
/// the journal ran out (or the store failed), or when the judged range's first day moved. An instant earlier than the
/// last is judged again in full from what it holds, without reading the store again.
/// </remarks>
internal sealed class Assessor(Compliance.Regime regime, AssessmentOptions options)
{
    private readonly ObligationGenerator _generator = new(regime);
    private readonly ObligationEvaluator _evaluator = new(regime.Calendar, regime.Zone, options.Scoring);
    private readonly Lock _gate = new();
    private JudgedWindow? _window;

    public Compliance.Regime Regime => regime;

    /// <summary>The first and last due dates judged at <paramref name="asOf"/>.</summary>
    public (DateOnly From, DateOnly To) Range(DateTimeOffset asOf)
    {
        var today = regime.Zone.DateOf(asOf);
        var twoQuartersBack = Period.QuarterOf(today).Start.AddMonths(-6);
        var from = options.Since is { } since && since > twoQuartersBack ? since : twoQuartersBack;
        var weekEnd = Period.Week(today).End;
        return (from, weekEnd);
    }

    /// <summary>
    /// How long before the first due date judged a report can have been received and still bear on it: a report can be
    /// sent from its period's start (a quarterly report, due by the 5th after its quarter, from the quarter's first day;
    /// a monthly one due two months after its month, from the month's) or a week before an event. 120 days covers them.
    /// </summary>
    public const int BearingDays = 120;

    private DateTimeOffset EarliestBearing(DateOnly from) => regime.Zone.StartOf(from.AddDays(-BearingDays));

    /// <summary>How the last judgement was made: afresh, or following the one before (for tests and the log).</summary>
    public JudgingKind LastJudging { get; private set; }

    public Snapshot Judge(MailStore store, DateTimeOffset asOf)
    {
        lock (_gate)
        {
            var (from, to) = Range(asOf);
            if (_window is { } window && window.Follows(store, from) && store.ChangesSince(window.Version) is { } changes)
            {
                window.Advance(changes, to, asOf);
                LastJudging = JudgingKind.Followed;
            }
            else
            {
                _window = null;
                _window = JudgedWindow.Read(this, store, from, to, asOf);
                LastJudging = JudgingKind.Afresh;
            }

            return _window.Snapshot(asOf);
        }
    }

    /// <summary>Judges everything afresh, as a new assessor would: what <see cref="Judge"/> must always equal.</summary>
    public Snapshot JudgeAfresh(MailStore store, DateTimeOffset asOf)
    {
        var (from, to) = Range(asOf);
        return JudgedWindow.Read(this, store, from, to, asOf).Snapshot(asOf);
    }

    internal IReadOnlyList<Obligation> Obligations(DateOnly from, DateOnly to) => _generator.Generate(from, to);

    internal ObligationResult Evaluate(Obligation obligation, IEnumerable<Submission> submissions, IEnumerable<ManualEntry> entries, DateTimeOffset asOf) =>
        _evaluator.Evaluate(obligation, submissions, entries, asOf);

    internal DateTimeOffset Earliest(DateOnly from) => EarliestBearing(from);

    internal static ManualEntry? ToEntry(StoredManualEntry e) =>
        ManualEntryKinds.TryParse(e.Kind, out var kind) && DateOnly.TryParseExact(e.EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new ManualEntry(kind, e.Unit, e.ObligationKey, date, e.Points, e.Reason, e.Author, e.RecordedAt)
            {
                Revoked = e.RevokedAt is { } at ? new Revocation(at, e.RevokedBy ?? "", e.RevokeReason ?? "") : null,
            }
            : null;

    internal static TriageLine Line(StoredOutcome o, StoredMessage? message, DateTimeOffset asOf) =>
        new(o.MessageId, message?.From ?? o.Submitter, message?.Subject, o.Received ?? message?.Received ?? asOf, o.Reason is { } reason ? NonMatchReasons.Name(reason) : "", new LocalizedText(o.ReasonDetail ?? "", o.ReasonDetailEn ?? ""));
}

/// <summary>How a judgement was made.</summary>
internal enum JudgingKind
{
    /// <summary>Everything read from the store and judged.</summary>
    Afresh,

    /// <summary>Only what the store wrote since the judgement before read, and only what could change judged again.</summary>
    Followed,
}
