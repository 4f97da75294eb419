using MailOps.Compliance.Common;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;

namespace MailOps.Worker.Web;

/// <summary>
/// The digest's units × reports matrices (the last working day, this week), live: the digest's own model
/// (<see cref="DigestBuilder"/>) and views (<see cref="ViewBuilder"/>, in Chinese and English), each cell with a link
/// to its obligation, or to the list of them when the cell holds several (a daily report over a week).
/// </summary>
internal sealed record TodayMatrix(LocalizedText Title, IReadOnlyList<TodayGroup> Groups)
{
    public static IReadOnlyList<TodayMatrix> Of(ConsoleContext context, Snapshot snapshot)
    {
        var regime = context.Regime;
        var policy = context.Assessment.Scoring;
        var digest = new DigestBuilder(regime, policy).Build(snapshot.AsOf, snapshot.AsOf, snapshot.Results, snapshot.Entries, snapshot.Triage, snapshot.Unauthenticated, []);
        var zh = new ViewBuilder(regime, policy, "zh", context.Mailbox).Digest(digest);
        var en = new ViewBuilder(regime, policy, "en", context.Mailbox).Digest(digest);
        StatusMatrix[] models = [digest.LastWorkingDay, digest.Week];

        // Each cell's obligations are its unit's and report's in the matrix's window: looked up, not searched for among
        // every result judged (some thousands, for each of some thousands of cells).
        var byCell = snapshot.Results.ToLookup(r => (r.Obligation.UnitId, r.Obligation.ReportId));
        return [.. models.Select((m, i) => Of(regime, m, zh.Matrices[i], en.Matrices[i], byCell))];
    }

    // The same groups as ViewBuilder makes (by kind of unit, in the directory's order, only columns some unit of the
    // kind owes, kinds owing nothing left out), so that each of its cells lines up with the model's.
    private static TodayMatrix Of(Compliance.Regime regime, StatusMatrix matrix, MatrixView zh, MatrixView en, ILookup<(string Unit, string Report), ObligationResult> results)
    {
        var groups = matrix.Rows
            .GroupBy(r => regime.Directory.FindUnit(r.UnitId)?.Kind)
            .Select(kind => (Rows: kind.ToList(), Owed: Enumerable.Range(0, matrix.Columns.Count).Where(i => kind.Any(r => r.Cells[i] is not null)).ToList()))
            .Where(g => g.Owed.Count > 0)
            .ToList();
        return new TodayMatrix(
            new LocalizedText(zh.Title, en.Title),
            [
                .. groups.Select((g, gi) => new TodayGroup(
                    new LocalizedText(zh.Groups[gi].Name, en.Groups[gi].Name),
                    [.. g.Owed.Select(i => matrix.Columns[i].ReportName)],
                    [
                        .. g.Rows.Select((row, ri) => new TodayRow(
                            row.UnitName,
                            [.. g.Owed.Select((column, ci) => Cell(matrix, row, column, zh.Groups[gi].Rows[ri].Cells[ci], en.Groups[gi].Rows[ri].Cells[ci], results, regime))])),
                    ])),
            ]);
    }

    private static TodayCell Cell(StatusMatrix matrix, MatrixRow row, int column, CellView zh, CellView en, ILookup<(string Unit, string Report), ObligationResult> results, Compliance.Regime regime)
    {
        if (row.Cells[column] is not { } cell)
        {
            return new TodayCell("", new LocalizedText(zh.Title, en.Title), null, null);
        }

        var reportId = matrix.Columns[column].ReportId;
        var mine = results[(row.UnitId, reportId)]
            .Where(r => regime.Zone.DateOf(r.Obligation.Due) is var d && d >= matrix.From && d <= matrix.To)
            .ToList();
        var href = mine.Count == 1
            ? Links.Obligation(mine[0].Obligation.Key)
            : Links.Obligations(row.UnitId, reportId, matrix.From, matrix.To);
        return new TodayCell(zh.Symbol, new LocalizedText(zh.Title, en.Title), Say.StateClass(cell.State), href);
    }
}

internal sealed record TodayGroup(LocalizedText Name, IReadOnlyList<LocalizedText> Columns, IReadOnlyList<TodayRow> Rows);

internal sealed record TodayRow(LocalizedText Unit, IReadOnlyList<TodayCell> Cells);

/// <summary>A matrix cell: the digest's symbol and title, its state's class, and its link (null where nothing is owed).</summary>
internal sealed record TodayCell(string Symbol, LocalizedText Title, string? StateClass, string? Href);
