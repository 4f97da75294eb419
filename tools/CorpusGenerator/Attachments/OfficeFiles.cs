using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace MailOps.CorpusGenerator.Attachments;

/// <summary>A worksheet: its name and cells by A1 reference; a null value is a cell that exists but is empty.</summary>
internal sealed record SheetSpec(string Name, IReadOnlyList<(string Cell, object? Value)> Cells);

/// <summary>
/// Real .xlsx and .docx files made with the Open XML SDK. Relationship ids are given explicitly and the zip is
/// rewritten with a fixed timestamp, so the same input gives the same bytes on every run.
/// </summary>
internal static class OfficeFiles
{
    private static readonly DateTimeOffset ZipTime = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    public static byte[] Workbook(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            document.ChangeIdOfPart(workbookPart, "rId1");
            var strings = new List<string>();
            var sheetList = new Sheets();
            for (var i = 0; i < sheets.Length; i++)
            {
                var relationship = $"rId{i + 1}";
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(relationship);
                worksheetPart.Worksheet = new Worksheet(SheetData(sheets[i], strings));
                sheetList.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = relationship });
            }

            var stringPart = workbookPart.AddNewPart<SharedStringTablePart>($"rId{sheets.Length + 1}");
            stringPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))))
            {
                Count = (uint)strings.Count,
                UniqueCount = (uint)strings.Count,
            };
            workbookPart.Workbook = new Workbook(sheetList);
        }

        return Normalize(stream.ToArray());
    }

    public static byte[] Document(string title, IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            document.ChangeIdOfPart(main, "rId1");
            var body = new W.Body(new W.Paragraph(
                new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }),
                new W.Run(new W.RunProperties(new W.Bold(), new W.FontSize { Val = "32" }), new W.Text(title))));
            foreach (var paragraph in paragraphs)
            {
                body.Append(new W.Paragraph(new W.Run(new W.Text(paragraph) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new W.Document(body);
        }

        return Normalize(stream.ToArray());
    }

    private static SheetData SheetData(SheetSpec sheet, List<string> strings)
    {
        var data = new SheetData();
        foreach (var row in sheet.Cells.GroupBy(c => RowOf(c.Cell)).OrderBy(g => g.Key))
        {
            var element = new Row { RowIndex = row.Key };
            foreach (var (reference, value) in row.OrderBy(c => ColumnOf(c.Cell), StringComparer.Ordinal))
            {
                element.Append(Cell(reference, value, strings));
            }

            data.Append(element);
        }

        return data;
    }

    private static Cell Cell(string reference, object? value, List<string> strings)
    {
        switch (value)
        {
            case null:
                return new Cell { CellReference = reference };
            case string text:
                var index = strings.IndexOf(text);
                if (index < 0)
                {
                    strings.Add(text);
                    index = strings.Count - 1;
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            default:
                var number = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                return new Cell { CellReference = reference, CellValue = new CellValue(number) };
        }
    }

    private static uint RowOf(string reference) => uint.Parse(new string([.. reference.SkipWhile(char.IsLetter)]), CultureInfo.InvariantCulture);

    private static string ColumnOf(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);

    /// <summary>The same entries, in the same order, with a fixed timestamp.</summary>
    private static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
