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
internal sealed class Assessor(Compliance.Regime regime, AssessmentOptions options)
{
    private readonly ObligationGenerator _generator = new(regime);
    private readonly ObligationEvaluator _evaluator = new(regime.Calendar, regime.Zone, options.Scoring);

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

    public Snapshot Judge(MailStore store, DateTimeOffset asOf)
    {
        var (from, to) = Range(asOf);
        var obligations = _generator.Generate(from, to);
        var outcomes = store.OutcomesReceivedFrom(EarliestBearing(from));
        var submissions = outcomes.Select(StoredOutcomes.ToSubmission).OfType<Submission>().ToList();
        var entries = store.AllManualEntries().Select(ToEntry).OfType<ManualEntry>().ToList();

        // Revoked judgements go to the evaluator, which lists them with their obligation at 0 points, but not into the
        // snapshot's entries, which scores count (additional penalties among them).
        var results = _evaluator.EvaluateAll(obligations, submissions, entries, asOf);
        var inForce = entries.Where(e => !e.IsRevokedAt(asOf)).ToList();

        var messages = store.MessagesById(outcomes.Where(o => !o.Matched).Select(o => o.Id));
        TriageLine Line(StoredOutcome o)
        {
            var message = messages.GetValueOrDefault(o.Id);
            return new TriageLine(o.MessageId, message?.From ?? o.Submitter, message?.Subject, o.Received ?? message?.Received ?? asOf, o.Reason is { } reason ? NonMatchReasons.Name(reason) : "", new LocalizedText(o.ReasonDetail ?? "", o.ReasonDetailEn ?? ""));
        }

        // A message a person dismissed (in the console) is no longer anyone's to look at.
        var dismissed = store.Dismissals().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var visible = outcomes.Where(o => !o.Matched && (o.Received ?? DateTimeOffset.MinValue) <= asOf && !dismissed.Contains(o.Id)).ToList();
        var triage = visible.Where(o => StoredOutcomes.Disposition(o) == NonMatchDisposition.Triage).Select(Line).OrderBy(t => t.Received).ToList();
        var unauthenticated = visible.Where(o => StoredOutcomes.Disposition(o) == NonMatchDisposition.Acceptance && o.AcceptedBy is null).Select(Line).OrderBy(t => t.Received).ToList();
        return new Snapshot(asOf, results, inForce, triage, unauthenticated);
    }

    private static ManualEntry? ToEntry(StoredManualEntry e) =>
        ManualEntryKinds.TryParse(e.Kind, out var kind) && DateOnly.TryParseExact(e.EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new ManualEntry(kind, e.Unit, e.ObligationKey, date, e.Points, e.Reason, e.Author, e.RecordedAt)
            {
                Revoked = e.RevokedAt is { } at ? new Revocation(at, e.RevokedBy ?? "", e.RevokeReason ?? "") : null,
            }
            : null;
}
