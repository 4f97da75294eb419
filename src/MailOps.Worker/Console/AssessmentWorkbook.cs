using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;

namespace MailOps.Worker.Web;

/// <summary>
/// A month's or a quarter's assessment as the 考核表 the group keeps (seed 000): sheet 考核表, one row per assessed
/// unit with rank, obligations due and faulted, deductions, additional penalties and score (a quarter: the mean of
/// its months, as the quarterly assessment ranks); sheet 扣分明细, every obligation fault with its deduction and
/// evidence (sender, received, Message-ID, findings), then every additional penalty. Written with
/// DocumentFormat.OpenXml, inline strings only; the same file from <c>mailops export</c> and the Scores page.
/// </summary>
internal static class AssessmentWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SummarySheet = "考核表";
    public const string FaultSheet = "扣分明细";

    public static bool IsMonth(Period period) => period == Period.MonthOf(period.Start);

    public static bool IsQuarter(Period period) => period == Period.QuarterOf(period.Start);

    /// <summary>The file's name: <c>考核表-2026-11.xlsx</c>.</summary>
    public static string FileName(Period period) => $"考核表-{period.Id}.xlsx";

    public static void Write(Stream output, Compliance.Regime regime, AssessmentOptions options, Notifier notifier, Snapshot snapshot, Period period)
    {
        var policy = options.Scoring;
        var units = regime.Directory.AssessedUnits.Select(u => u.Id).ToList();
        var calculator = new ScoreCalculator(regime.Zone, policy);
        var names = new PeriodNames(regime);
        string Unit(string id) => regime.Directory.FindUnit(id)?.Name.Zh ?? id;

        var summary = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{regime.Directory.GroupName.Zh} 报送考核表 · {names.Of(period).Zh}" },
            new object?[] { $"截至 {Say.Local(regime, snapshot.AsOf)}（{regime.Zone.Zone.Id}）；满分 100，低于 {policy.WatchThreshold} 分须关注" },
            Array.Empty<object?>(),
        };
        if (IsQuarter(period))
        {
            var assessment = notifier.Quarterly(period, snapshot);
            summary.Add(["排名 Rank", "单位 Unit", "单位编号 Unit id", "月均得分 Mean monthly score", "各月得分 Months", "季度应报 Due", "季度有误 Faulted", "季度扣分 Deductions", "追加处罚 Additional penalties", "季度得分 Quarter's score", "本季最佳 Best", "连续低于阈值 Watched"]);
            summary.AddRange(assessment.Ranking.Select(r => (IReadOnlyList<object?>)
            [
                r.Rank, Unit(r.UnitId), r.UnitId, r.MeanMonthlyScore, string.Join(" / ", r.Months.Select(m => $"{m.Period.Id}: {m.Score}")),
                r.Quarter.ObligationsDue, r.Quarter.ObligationsFaulted, r.Quarter.Deductions, r.Quarter.AdditionalPenalties, r.Quarter.Score,
                assessment.Stars.Contains(r.UnitId) ? "★" : "", assessment.Watched.Any(w => w.UnitId == r.UnitId) ? "是" : "",
            ]));
        }
        else
        {
            var cards = calculator.ScoreAll(units, period, snapshot.Results, snapshot.Entries).OrderByDescending(c => c.Score).ThenBy(c => c.UnitId, StringComparer.Ordinal).ToList();
            summary.Add(["排名 Rank", "单位 Unit", "单位编号 Unit id", "应报 Due", "有误 Faulted", "扣分 Deductions", "追加处罚 Additional penalties", "得分 Score"]);
            summary.AddRange(cards.Select(c => (IReadOnlyList<object?>)
            [
                cards.FindIndex(o => o.Score == c.Score) + 1, Unit(c.UnitId), c.UnitId, c.ObligationsDue, c.ObligationsFaulted, c.Deductions, c.AdditionalPenalties, c.Score,
            ]));
        }

        var from = regime.Zone.StartOf(period.Start);
        var to = regime.Zone.EndOf(period.End);
        var faults = new List<IReadOnlyList<object?>>
        {
            new object?[] { "单位 Unit", "单位编号 Unit id", "报表 Report", "报表实例 Report instance", "期间 Period", "截止 Due", "状态 Status", "迟报工作日 Working days late", "扣分 Deduction", "发件人 Sender", "收到 Received", "Message-ID", "说明 Findings" },
        };
        faults.AddRange(snapshot.Results
            .Where(r => r.Deduction > 0 && r.Obligation.Due >= from && r.Obligation.Due <= to)
            .OrderBy(r => r.Obligation.UnitId, StringComparer.Ordinal).ThenBy(r => r.Obligation.Due)
            .Select(r =>
            {
                var evidence = r.Counted ?? r.AfterBooksClosed;
                return (IReadOnlyList<object?>)
                [
                    Unit(r.Obligation.UnitId), r.Obligation.UnitId, regime.Catalog.Find(r.Obligation.ReportId)?.Name.Zh ?? r.Obligation.ReportId, r.Obligation.Key,
                    names.Of(r.Obligation).Zh, Say.Local(regime, r.Obligation.Due), Say.State(r).Zh, r.WorkingDaysLate, r.Deduction,
                    evidence?.Sender ?? "", evidence is null ? "" : Say.Local(regime, evidence.Received), evidence?.MessageId ?? "",
                    string.Join("；", r.Findings.Where(f => f.Revoked is null).Select(f => $"{f.Detail.Zh}（{f.Points}）")),
                ];
            }));
        faults.AddRange(snapshot.Entries
            .Where(e => e.Kind == ManualEntryKind.AdditionalPenalty && e.EffectiveDate >= period.Start && e.EffectiveDate <= period.End)
            .OrderBy(e => e.UnitId, StringComparer.Ordinal).ThenBy(e => e.EffectiveDate)
            .Select(e => (IReadOnlyList<object?>)
            [
                Unit(e.UnitId), e.UnitId, "追加处罚", "", e.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", "追加处罚", 0, e.Points, e.Author, Say.Local(regime, e.RecordedAt), "", e.Reason,
            ]));

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddSheet(workbook, 1, SummarySheet, summary);
        AddSheet(workbook, 2, FaultSheet, faults);
        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, uint id, string name, List<IReadOnlyList<object?>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                row.Append(Cell(Reference(c, r + 1), rows[r][c]));
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    // Numbers as numbers (a spreadsheet sums them); every text as an inline string, so a value from mail is never a formula.
    private static Cell Cell(string reference, object? value) => value switch
    {
        int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
        decimal d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }) },
    };

    private static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{letters}{row}");
    }
}
