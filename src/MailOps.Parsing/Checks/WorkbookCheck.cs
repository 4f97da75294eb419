using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Checks;

/// <summary>Required cells of the first attached .xlsx workbook must be filled; a missing sheet or an unreadable workbook is incomplete.</summary>
internal static class WorkbookCheck
{
    public static IEnumerable<Finding> Check(IReadOnlyList<WorkbookCellRequirement> cells, byte[]? workbook, ParsingOptions options)
    {
        if (cells.Count == 0 || workbook is null)
        {
            // No workbook at all is the attachment check's finding.
            return [];
        }

        try
        {
            if (UnpackedSize(workbook) > options.MaxWorkbookUnpackedBytes)
            {
                return [Unreadable("it unpacks to more than the allowed size")];
            }

            using var stream = new MemoryStream(workbook, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            return [.. CheckCells(cells, document)];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return [Unreadable(ex.Message)];
        }
    }

    private static IEnumerable<Finding> CheckCells(IReadOnlyList<WorkbookCellRequirement> cells, SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no workbook part");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        foreach (var bySheet in cells.GroupBy(c => c.Sheet))
        {
            var sheet = sheets.FirstOrDefault(s => TextFold.Fold(s.Name?.Value) == TextFold.Fold(bySheet.Key));
            if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                yield return new Finding(FindingKind.Incomplete, new($"附件工作簿缺少工作表「{bySheet.Key}」", $"the attached workbook has no sheet \"{bySheet.Key}\""));
                continue;
            }

            var values = part.Worksheet.Descendants<Cell>()
                .Where(c => c.CellReference?.Value is not null)
                .GroupBy(c => c.CellReference!.Value!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var required in bySheet)
            {
                var value = values.TryGetValue(required.Cell, out var cell) ? ValueOf(cell, strings) : null;
                if (Blank.Is(value is null ? null : TextFold.Fold(value)))
                {
                    yield return new Finding(FindingKind.Incomplete, new(
                        $"附件工作簿「{bySheet.Key}」{required.Cell}（{required.Label}）未填写",
                        $"cell {required.Cell} ({required.Label}) of sheet \"{bySheet.Key}\" in the attached workbook is blank"));
                }
            }
        }
    }

    private static string? ValueOf(Cell cell, List<string> strings)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < strings.Count ? strings[index] : null;
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
    }

    private static long UnpackedSize(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static Finding Unreadable(string why) =>
        new(FindingKind.Incomplete, new($"附件工作簿无法读取：{why}", $"the attached workbook cannot be read: {why}"));
}
