using System.IO.Compression;
using System.Text;
using MailOps.Compliance.Catalog;
using MailOps.Parsing.Checks;
using MailOps.Parsing.Tests.Support;

namespace MailOps.Parsing.Tests.Checks;

/// <summary>
/// Workbooks built to hurt a reader, zipped by hand: each is the sender's fault, so it makes the report incomplete
/// with a reason (or reads as blank cells) and never escapes as an exception or runs away with time and memory.
/// </summary>
public sealed class HostileWorkbookTests
{
    private static readonly WorkbookCellRequirement[] Cells = [new("月报", "B3", "来电总量")];

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";

    private const string PackageRels =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookXml =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="月报" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private const string SheetRelationship =
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""";

    private const string StringsRelationship =
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""";

    private const string Strings =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>1200</t></si></sst>""";

    private static string WorkbookRels(bool withStrings = true) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{SheetRelationship}{(withStrings ? StringsRelationship : "")}</Relationships>""";

    private static string Sheet(string cells, string after = "") =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3">{cells}</row>{after}</sheetData></worksheet>""";

    private const string SharedB3 = """<c r="B3" t="s"><v>0</v></c>""";

    /// <summary>A workbook of the given parts, each deflated as Excel does; the sheet filled from shared string 0 unless given.</summary>
    private static byte[] Zip(string? sheet = null, bool withStrings = true, params (string Name, string Text)[] extra)
    {
        var parts = new List<(string Name, string Text)>
        {
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", PackageRels),
            ("xl/workbook.xml", WorkbookXml),
            ("xl/_rels/workbook.xml.rels", WorkbookRels(withStrings)),
            ("xl/worksheets/sheet1.xml", sheet ?? Sheet(SharedB3)),
        };
        if (withStrings)
        {
            parts.Add(("xl/sharedStrings.xml", Strings));
        }

        parts.AddRange(extra);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }

    private static IEnumerable<Compliance.Evaluation.Finding> Check(byte[] workbook, ParsingOptions? options = null) =>
        WorkbookCheck.Check(Cells, ReadMessages.With(workbook: workbook), options ?? ParsingOptions.Default);

    [Fact]
    public void Check_AHandZippedWorkbook_IsReadLikeExcels()
    {
        Check(Zip()).Should().BeEmpty();
    }

    [Fact]
    public void Check_APartCompressedFarBeyondAnyRealSheet_IsRefusedUnread()
    {
        // 8 MiB of empty rows after the filled cell: under the unpacked limit, but over a thousand to one.
        var bomb = Zip(Sheet(SharedB3, new string(' ', 8 * 1024 * 1024)));

        Check(bomb).Should().ContainSingle().Which.Detail.En.Should().Be(
            "the attached workbook cannot be read: xl/worksheets/sheet1.xml unpacks to more than 100 times its packed size");
    }

    [Fact]
    public void Check_AWorkbookOfMorePartsThanAllowed_IsRefused()
    {
        var crowded = Zip(extra: [.. Enumerable.Range(0, 20).Select(i => ($"xl/media/image{i}.png", "x"))]);

        Check(crowded, new ParsingOptions { MaxWorkbookParts = 10 }).Should().ContainSingle().Which.Detail.En.Should().Be(
            "the attached workbook cannot be read: it has more than 10 parts");
    }

    [Fact]
    public void Check_ASheetWithADocumentTypeDeclaration_IsUnreadableNotExpanded()
    {
        const string laughs =
            """<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>""";
        var sheet = laughs + """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>""";

        Check(Zip(sheet)).Should().ContainSingle().Which.Detail.En.Should().StartWith("the attached workbook cannot be read: ");
    }

    [Fact]
    public void Check_ASharedStringCellWithoutASharedStringsPart_IsBlank()
    {
        Check(Zip(withStrings: false)).Should().ContainSingle().Which.Detail.En.Should().Be(
            "cell B3 (来电总量) of sheet \"月报\" in the attached workbook is blank");
    }

    [Fact]
    public void Check_ASharedStringIndexBeyondTheTable_IsBlank()
    {
        Check(Zip(Sheet("""<c r="B3" t="s"><v>2147483647</v></c>"""))).Should().ContainSingle().Which.Detail.En.Should().EndWith("is blank");
    }

    [Fact]
    public void Check_AnInlineStringAndANumber_AreFilled()
    {
        var twoCells = new WorkbookCellRequirement[] { new("月报", "B3", "来电总量"), new("月报", "C3", "投诉量") };
        var sheet = Sheet("""<c r="B3" t="inlineStr"><is><r><t>12</t></r><r><t>00</t></r></is></c><c r="C3"><v>35</v></c>""");

        WorkbookCheck.Check(twoCells, ReadMessages.With(workbook: Zip(sheet)), ParsingOptions.Default).Should().BeEmpty();
    }

    [Fact]
    public void Check_APackageWithoutAWorkbook_IsUnreadable()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("readme.txt").Open();
            entry.Write("not a workbook"u8);
        }

        Check(stream.ToArray()).Should().ContainSingle().Which.Detail.En.Should().StartWith("the attached workbook cannot be read: ");
    }

    [Fact]
    public void Check_ASheetThatIsNotWellFormed_IsUnreadable()
    {
        Check(Zip("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>"""))
            .Should().ContainSingle().Which.Detail.En.Should().StartWith("the attached workbook cannot be read: ");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(5_000)]
    public void Check_ACellAfterManyRows_IsRead_WhetherThePartIsUnpackedWholeOrStreamed(int rowsBefore)
    {
        // A hundred rows is a part of a few kilobytes, unpacked whole; five thousand, some 400 KB, read as it inflates.
        var rows = string.Concat(Enumerable.Range(4, rowsBefore).Select(r => $"""<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="C{r}" t="inlineStr"><is><t>第{r}行备注</t></is></c></row>"""));
        var sheet = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}<row r="{rowsBefore + 4}"><c r="B{rowsBefore + 4}"><v>7</v></c></row></sheetData></worksheet>""";
        var cell = new WorkbookCellRequirement[] { new("月报", $"B{rowsBefore + 4}", "合计") };

        WorkbookCheck.Check(cell, ReadMessages.With(workbook: Zip(sheet)), ParsingOptions.Default).Should().BeEmpty();
        WorkbookCheck.Check([new("月报", "B3", "来电总量")], ReadMessages.With(workbook: Zip(sheet)), ParsingOptions.Default)
            .Should().ContainSingle().Which.Detail.En.Should().EndWith("is blank");
    }
}
