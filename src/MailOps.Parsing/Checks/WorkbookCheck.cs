using MailOps.Compliance.Catalog;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Checks;

/// <summary>
/// Required cells of the first attached .xlsx workbook must be filled; a missing sheet or an unreadable workbook is
/// incomplete. Only the parts that hold the cells are read: the workbook, the sheets named, and the shared strings.
/// </summary>
internal static class WorkbookCheck
{
    public static IEnumerable<Finding> Check(IReadOnlyList<WorkbookCellRequirement> cells, ReadMessage message, ParsingOptions options)
    {
        if (cells.Count == 0)
        {
            return [];
        }

        if (message.Workbook is not { } workbook)
        {
            // No workbook at all is the attachment check's finding; one that cannot be opened is this check's.
            var other = message.Attachments.FirstOrDefault(a => a.FileName is { } n && (n.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)));
            return other is null
                ? []
                : [Unreadable(other.FileName!.EndsWith(".xls", StringComparison.OrdinalIgnoreCase)
                    ? $"{other.FileName} is in the old .xls format; the required cells can only be checked in .xlsx"
                    : $"{other.FileName} is larger than {options.MaxWorkbookBytes} bytes")];
        }

        try
        {
            using var package = WorkbookPackage.Open(workbook, options);
            return CheckCells(cells, package);
        }
#pragma warning disable CA1031 // A damaged workbook is the sender's fault: it makes the report incomplete, not the message unreadable.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return [Unreadable(ex.Message)];
        }
    }

    private static List<Finding> CheckCells(IReadOnlyList<WorkbookCellRequirement> cells, WorkbookPackage package)
    {
        var workbook = WorkbookXml.Workbook(package);
        var sheets = WorkbookXml.Sheets(package, workbook);
        var found = new List<(WorkbookCellRequirement Required, string Sheet, WorkbookCell? Cell)>();
        var findings = new List<Finding>();
        foreach (var bySheet in cells.GroupBy(c => c.Sheet))
        {
            var sheet = sheets.FirstOrDefault(s => TextFold.Fold(s.Name) == TextFold.Fold(bySheet.Key));
            if (sheet.Id is not { } id || WorkbookXml.Worksheet(package, workbook, id) is not { } part)
            {
                findings.Add(new Finding(FindingKind.Incomplete, new($"附件工作簿缺少工作表「{bySheet.Key}」", $"the attached workbook has no sheet \"{bySheet.Key}\"")));
                continue;
            }

            var wanted = WorkbookXml.Cells(package, part, bySheet.Select(c => c.Cell));
            found.AddRange(bySheet.Select(c => (c, bySheet.Key, wanted.TryGetValue(c.Cell, out var cell) ? cell : (WorkbookCell?)null)));
        }

        var strings = WorkbookXml.SharedStrings(package, workbook, found.Select(f => f.Cell).OfType<WorkbookCell>());
        foreach (var (required, sheet, cell) in found)
        {
            var value = cell?.Value(strings);
            if (Blank.Is(value is null ? null : TextFold.Fold(value)))
            {
                findings.Add(new Finding(FindingKind.Incomplete, new(
                    $"附件工作簿「{sheet}」{required.Cell}（{required.Label}）未填写",
                    $"cell {required.Cell} ({required.Label}) of sheet \"{sheet}\" in the attached workbook is blank")));
            }
        }

        return findings;
    }

    private static Finding Unreadable(string why) =>
        new(FindingKind.Incomplete, new($"附件工作簿无法读取：{why}", $"the attached workbook cannot be read: {why}"));
}
