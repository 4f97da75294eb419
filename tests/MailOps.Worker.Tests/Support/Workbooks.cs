using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MailOps.Worker.Tests.Support;

/// <summary>A 考核表 read back with DocumentFormat.OpenXml, the library the parser reads workbooks with.</summary>
internal static class Workbooks
{
    /// <summary>Each row's cells as text, in column order (the workbook writes every cell, so none is skipped).</summary>
    public static List<List<string>> Rows(string path, string sheet)
    {
        using var file = File.OpenRead(path);
        return Rows(file, sheet);
    }

    public static List<List<string>> Rows(Stream workbook, string sheet)
    {
        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var part = document.WorkbookPart!;
        var id = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return
        [
            .. ((WorksheetPart)part.GetPartById(id)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()),
        ];
    }
}
