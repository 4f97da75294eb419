using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;

namespace MailOps.Compliance.Digests;

/// <summary>
/// Assembles the digest from obligations judged at its instant. The "last working day" matrix runs from the
/// last working day through yesterday, so that a Monday digest also shows the weekend's daily reports. A fault is new when its evidence came in
/// since the previous digest: a late or incomplete report received in that span, or a report still not
/// received whose deadline passed in it.
/// </summary>
public sealed class DigestBuilder(Regime regime, ScoringPolicy policy)
{
    /// <param name="results">Obligations judged at <paramref name="asOf"/>: at least those due from the quarter's start to the end of the week.</param>
    /// <param name="since">When the previous digest was due; faults known, and messages received, after it are new.</param>
    public Digest Build(
        DateTimeOffset asOf,
        DateTimeOffset since,
        IReadOnlyList<ObligationResult> results,
        IReadOnlyList<ManualEntry> entries,
        IReadOnlyList<TriageLine> triage,
        IReadOnlyList<TriageLine> unauthenticated,
        IReadOnlyList<DigestWarning> warnings)
    {
        var zone = regime.Zone;
        var today = zone.DateOf(asOf);
        var lastWorkingDay = regime.Calendar.PreviousWorkingDay(today);
        var week = Period.Week(today);
        var month = Period.MonthOf(today);
        var quarter = Period.QuarterOf(today);
        var units = regime.Directory.AssessedUnits.Select(u => u.Id).ToList();
        var scores = new ScoreCalculator(zone, policy).Ledger(results, entries);

        var faults = results
            .Where(r => r.Deduction > 0 || r.Status is ObligationStatus.Overdue or ObligationStatus.Missing)
            .Select(r => (Result: r, KnownAt: r.Counted?.Received ?? r.Obligation.Due))
            .Where(f => f.KnownAt > since && f.KnownAt <= asOf)
            .OrderBy(f => f.Result.Obligation.UnitId, StringComparer.Ordinal)
            .ThenBy(f => f.KnownAt)
            .Select(f => new FaultLine(f.Result, UnitName(f.Result.Obligation.UnitId), ReportName(f.Result.Obligation.ReportId), f.KnownAt))
            .ToList();

        return new Digest(
            today,
            asOf,
            since,
            Matrix(results, lastWorkingDay, today.AddDays(-1)),
            Matrix(results, week.Start, week.End),
            faults,
            [.. triage.Where(t => t.Received > since && t.Received <= asOf)],
            [.. unauthenticated.Where(t => t.Received > since && t.Received <= asOf)],
            month,
            scores.ScoreAll(units, month),
            quarter,
            scores.ScoreAll(units, quarter),
            warnings);
    }

    /// <summary>The matrix of the obligations due from <paramref name="from"/> to <paramref name="to"/> (local dates, inclusive).</summary>
    public StatusMatrix Matrix(IReadOnlyList<ObligationResult> results, DateOnly from, DateOnly to)
    {
        var inWindow = results.Where(r => regime.Zone.DateOf(r.Obligation.Due) is var d && d >= from && d <= to).ToList();
        var columns = inWindow
            .Select(r => r.Obligation.ReportId)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => Order(id))
            .Select(id => new MatrixColumn(id, ReportName(id)))
            .ToList();
        var rows = regime.Directory.AssessedUnits
            .Select(unit =>
            {
                var mine = inWindow.Where(r => r.Obligation.UnitId == unit.Id).ToLookup(r => r.Obligation.ReportId, StringComparer.Ordinal);
                var cells = columns.Select(c => Cell(mine[c.ReportId].ToList())).ToList();
                return new MatrixRow(unit.Id, unit.Name, cells);
            })
            .ToList();
        return new StatusMatrix(from, to, columns, rows);
    }

    /// <summary>How one obligation reads in a matrix: on time but with a deduction (incomplete, wrong, concealed) reads <see cref="CellState.Incomplete"/>.</summary>
    public static CellState StateOf(ObligationResult result) => result.Status switch
    {
        ObligationStatus.Missing => CellState.Missing,
        ObligationStatus.Overdue => CellState.Overdue,
        ObligationStatus.Late => CellState.Late,
        ObligationStatus.Pending => CellState.Pending,
        _ when result.Deduction > 0 => CellState.Incomplete,
        _ => CellState.OnTime,
    };

    private static MatrixCell? Cell(List<ObligationResult> results) =>
        results.Count == 0 ? null : new MatrixCell(StateCounts.Of(results.Select(StateOf)), results.Sum(r => r.Deduction));

    // Catalog order; a report the catalog no longer holds goes last.
    private int Order(string reportId)
    {
        var reports = regime.Catalog.Reports;
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Id == reportId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private LocalizedText UnitName(string id) => regime.Directory.FindUnit(id)?.Name ?? new LocalizedText(id, id);

    private LocalizedText ReportName(string id) => regime.Catalog.Find(id)?.Name ?? new LocalizedText(id, id);
}
