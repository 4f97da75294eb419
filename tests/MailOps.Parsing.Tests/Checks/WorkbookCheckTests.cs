using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MailOps.Compliance.Catalog;
using MailOps.Parsing.Checks;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Checks;

public sealed class WorkbookCheckTests
{
    private static readonly WorkbookCellRequirement[] Cells = [new("月报", "B3", "来电总量"), new("月报", "B4", "投诉量")];

    /// <summary>A workbook with one sheet and the given cells, strings stored as shared strings as Excel does.</summary>
    private static byte[] Workbook(string sheetName, params (string Cell, string Value)[] cells)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (reference, value) in cells)
            {
                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(value)));
                var row = new Row { RowIndex = uint.Parse(reference[1..], System.Globalization.CultureInfo.InvariantCulture) };
                row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }

        return stream.ToArray();
    }

    [Fact]
    public void Check_FilledCells_AreComplete()
    {
        WorkbookCheck.Check(Cells, ReadMessages.With(workbook: Workbook("月报", ("B3", "1200"), ("B4", "35"))), ParsingOptions.Default).Should().BeEmpty();
    }

    [Fact]
    public void Check_ABlankOrSlashCell_IsIncomplete()
    {
        var findings = WorkbookCheck.Check(Cells, ReadMessages.With(workbook: Workbook("月报", ("B3", "1200"), ("B4", "/"))), ParsingOptions.Default);

        findings.Should().ContainSingle().Which.Detail.En.Should().Be("cell B4 (投诉量) of sheet \"月报\" in the attached workbook is blank");
    }

    [Fact]
    public void Check_AMissingSheet_IsIncomplete()
    {
        WorkbookCheck.Check(Cells, ReadMessages.With(workbook: Workbook("Sheet1", ("B3", "1"))), ParsingOptions.Default)
            .Should().ContainSingle().Which.Detail.Zh.Should().Be("附件工作簿缺少工作表「月报」");
    }

    [Fact]
    public void Check_ATraditionalSheetName_MatchesTheSimplifiedOne()
    {
        WorkbookCheck.Check([new WorkbookCellRequirement("月報表", "A1", "x")], ReadMessages.With(workbook: Workbook("月报表", ("A1", "1"))), ParsingOptions.Default).Should().BeEmpty();
    }

    [Fact]
    public void Check_BytesThatAreNoWorkbook_AreAnUnreadableWorkbook()
    {
        WorkbookCheck.Check(Cells, ReadMessages.With(workbook: [1, 2, 3, 4]), ParsingOptions.Default)
            .Should().ContainSingle().Which.Detail.En.Should().StartWith("the attached workbook cannot be read");
    }

    [Fact]
    public void Check_AWorkbookUnpackingBeyondTheLimit_IsRefused()
    {
        var options = new ParsingOptions { MaxWorkbookUnpackedBytes = 100 };

        WorkbookCheck.Check(Cells, ReadMessages.With(workbook: Workbook("月报", ("B3", "1"), ("B4", "2"))), options)
            .Should().ContainSingle().Which.Detail.En.Should().Contain("unpacks to more than the allowed size");
    }

    [Fact]
    public void Check_AnOldXlsWorkbook_IsIncompleteWithTheReason()
    {
        var message = ReadMessages.With(attachments: new AttachmentInfo("月报.xls", "application/vnd.ms-excel", 20_000));

        WorkbookCheck.Check(Cells, message, ParsingOptions.Default)
            .Should().ContainSingle().Which.Detail.En.Should().Contain("old .xls format");
    }

    [Fact]
    public void Check_ASheetPointingAtNoPart_IsAnUnreadableWorkbookNotACrash()
    {
        var broken = Workbook("月报", ("B3", "1"));
        using (var stream = new MemoryStream())
        {
            stream.Write(broken);
            using (var document = SpreadsheetDocument.Open(stream, true))
            {
                document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First().Id = "rIdNowhere";
            }

            broken = stream.ToArray();
        }

        WorkbookCheck.Check(Cells, ReadMessages.With(workbook: broken), ParsingOptions.Default)
            .Should().ContainSingle().Which.Detail.Zh.Should().Be("附件工作簿缺少工作表「月报」");
    }
}
