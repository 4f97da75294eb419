using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Checks;

/// <summary>Required cells of the first attached .xlsx workbook must be filled; a missing sheet or an unreadable workbook is incomplete.</summary>
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
            if (UnpackedSize(workbook) > options.MaxWorkbookUnpackedBytes)
            {
                return [Unreadable("it unpacks to more than the allowed size")];
            }

            using var stream = new MemoryStream(workbook, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            return CheckCells(cells, document);
        }
#pragma warning disable CA1031 // A damaged workbook is the sender's fault: it makes the report incomplete, not the message unreadable.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return [Unreadable(ex.Message)];
        }
    }

    private static List<Finding> CheckCells(IReadOnlyList<WorkbookCellRequirement> cells, SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no workbook part");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var found = new List<(WorkbookCellRequirement Required, string Sheet, Cell? Cell)>();
        var findings = new List<Finding>();
        foreach (var bySheet in cells.GroupBy(c => c.Sheet))
        {
            var sheet = sheets.FirstOrDefault(s => TextFold.Fold(s.Name?.Value) == TextFold.Fold(bySheet.Key));
            if (sheet?.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var sheetPart) || sheetPart is not WorksheetPart part)
            {
                findings.Add(new Finding(FindingKind.Incomplete, new($"附件工作簿缺少工作表「{bySheet.Key}」", $"the attached workbook has no sheet \"{bySheet.Key}\"")));
                continue;
            }

            var wanted = Cells(part, bySheet.Select(c => c.Cell));
            found.AddRange(bySheet.Select(c => (c, bySheet.Key, wanted.GetValueOrDefault(c.Cell))));
        }

        var strings = SharedStrings(workbook, found.Select(f => f.Cell).OfType<Cell>());
        foreach (var (required, sheet, cell) in found)
        {
            var value = cell is null ? null : ValueOf(cell, strings);
            if (Blank.Is(value is null ? null : TextFold.Fold(value)))
            {
                findings.Add(new Finding(FindingKind.Incomplete, new(
                    $"附件工作簿「{sheet}」{required.Cell}（{required.Label}）未填写",
                    $"cell {required.Cell} ({required.Label}) of sheet \"{sheet}\" in the attached workbook is blank")));
            }
        }

        return findings;
    }

    // Streams the sheet and loads only the wanted cells, rather than the whole worksheet's object model.
    private static Dictionary<string, Cell> Cells(WorksheetPart part, IEnumerable<string> references)
    {
        var wanted = references.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cells = new Dictionary<string, Cell>(StringComparer.OrdinalIgnoreCase);
        using var reader = OpenXmlReader.Create(part);
        while (cells.Count < wanted.Count && reader.Read())
        {
            if (reader.ElementType == typeof(Cell) && reader.IsStartElement
                && reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value is { } reference && wanted.Contains(reference))
            {
                cells.TryAdd(reference, (Cell)reader.LoadCurrentElement()!);
            }
        }

        return cells;
    }

    // The shared strings the found cells point at, read up to the highest index needed.
    private static Dictionary<int, string> SharedStrings(WorkbookPart workbook, IEnumerable<Cell> cells)
    {
        var indexes = cells
            .Where(c => c.DataType?.Value == CellValues.SharedString)
            .Select(c => int.TryParse(c.CellValue?.Text, out var i) ? i : -1)
            .Where(i => i >= 0)
            .ToHashSet();
        var strings = new Dictionary<int, string>();
        if (indexes.Count == 0 || workbook.SharedStringTablePart is not { } table)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(table);
        var index = -1;
        var last = indexes.Max();
        while (index < last && reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement && indexes.Contains(++index))
            {
                strings[index] = reader.LoadCurrentElement()!.InnerText;
            }
        }

        return strings;
    }

    private static string? ValueOf(Cell cell, Dictionary<int, string> strings)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var index) ? strings.GetValueOrDefault(index) : null;
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
