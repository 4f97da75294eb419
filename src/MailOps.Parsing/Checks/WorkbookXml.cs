using System.Text;
using System.Xml;

namespace MailOps.Parsing.Checks;

/// <summary>A sheet as the workbook part lists it: its name and the id of its relationship.</summary>
internal readonly record struct WorkbookSheet(string? Name, string? Id);

/// <summary>What a cell holds: its type (<c>t</c>), its value (<c>v</c>) and its inline string's text (<c>is</c>).</summary>
internal readonly record struct WorkbookCell(string? Type, string? Stored, string? Inline)
{
    /// <summary>The cell's text: a shared string by its index, an inline string, or the stored value (a number, a date, a formula's result).</summary>
    public string? Value(Dictionary<int, string> strings) => Type switch
    {
        "s" => int.TryParse(Stored, out var index) ? strings.GetValueOrDefault(index) : null,
        "inlineStr" => Inline,
        _ => Stored,
    };
}

/// <summary>
/// The SpreadsheetML read for required cells, streamed with <see cref="XmlReader"/> (ECMA-376 part 1, 18.2 and 18.3):
/// the workbook part's sheet list, the wanted cells of a sheet, and the shared strings those cells point at.
/// </summary>
internal static class WorkbookXml
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string OfficeDocument = Relationships + "/officeDocument";
    private const string WorksheetRelationship = Relationships + "/worksheet";
    private const string SharedStringsRelationship = Relationships + "/sharedStrings";
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string SharedStringsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

    // A workbook, a template, and their macro-enabled and add-in kinds: what SpreadsheetDocument opens.
    private static readonly HashSet<string> WorkbookTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
        "application/vnd.ms-excel.addin.macroEnabled.main+xml",
    };

    /// <summary>The workbook part's name, from the package's officeDocument relationship.</summary>
    public static string Workbook(WorkbookPackage package)
    {
        var part = package.Related("", OfficeDocument) ?? throw new InvalidDataException("the workbook has no workbook part");
        return package.ContentType(part) is { } type && WorkbookTypes.Contains(type)
            ? part
            : throw new InvalidDataException($"its main part {part} is not a workbook");
    }

    /// <summary>The sheets of the workbook's <c>sheets</c> list, in order.</summary>
    public static List<WorkbookSheet> Sheets(WorkbookPackage package, string workbook)
    {
        var sheets = new List<WorkbookSheet>();
        using var reader = package.Xml(workbook);
        reader.MoveToContent();
        if (reader.LocalName != "workbook" || reader.NamespaceURI != Main)
        {
            throw new InvalidDataException($"{workbook} holds no workbook");
        }

        var listed = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1 && listed)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main)
            {
                continue;
            }

            if (reader.Depth == 1 && reader.LocalName == "sheets")
            {
                listed = true;
                if (reader.IsEmptyElement)
                {
                    break;
                }
            }
            else if (listed && reader.Depth == 2 && reader.LocalName == "sheet")
            {
                sheets.Add(new WorkbookSheet(reader.GetAttribute("name"), reader.GetAttribute("id", Relationships)));
            }
        }

        return sheets;
    }

    /// <summary>The worksheet part the workbook's relationship <paramref name="id"/> points at, if it is one.</summary>
    public static string? Worksheet(WorkbookPackage package, string workbook, string id)
    {
        var part = package.Related(workbook, WorksheetRelationship, id);
        return part is null || string.Equals(package.ContentType(part), WorksheetType, StringComparison.OrdinalIgnoreCase)
            ? part
            : throw new InvalidDataException($"{part} is not a worksheet");
    }

    /// <summary>The first cell of each wanted reference (A1 style, any case), streaming the sheet only until all are found.</summary>
    public static Dictionary<string, WorkbookCell> Cells(WorkbookPackage package, string sheet, IEnumerable<string> references)
    {
        var wanted = references.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cells = new Dictionary<string, WorkbookCell>(StringComparer.OrdinalIgnoreCase);
        using var reader = package.Xml(sheet);

        // A cell is a c element of a row of the sheet data: worksheet, sheetData, row, c at depths 0 to 3.
        var inData = false;
        var inRow = false;
        while (cells.Count < wanted.Count && reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var main = reader.NamespaceURI == Main;
            switch (reader.Depth)
            {
                case 1:
                    inData = main && reader.LocalName == "sheetData" && !reader.IsEmptyElement;
                    inRow = false;
                    break;
                case 2:
                    inRow = inData && main && reader.LocalName == "row" && !reader.IsEmptyElement;
                    break;
                case 3 when inRow && main && reader.LocalName == "c" && reader.GetAttribute("r") is { } reference && wanted.Contains(reference):
                    cells.TryAdd(reference, Cell(reader));
                    break;
            }
        }

        return cells;
    }

    /// <summary>The shared strings the cells point at, read up to the highest index needed; none without a shared-strings part.</summary>
    public static Dictionary<int, string> SharedStrings(WorkbookPackage package, string workbook, IEnumerable<WorkbookCell> cells)
    {
        var indexes = cells
            .Where(c => c.Type == "s")
            .Select(c => int.TryParse(c.Stored, out var i) ? i : -1)
            .Where(i => i >= 0)
            .ToHashSet();
        var strings = new Dictionary<int, string>();
        if (indexes.Count == 0 || package.Related(workbook, SharedStringsRelationship) is not { } part)
        {
            return strings;
        }

        if (!string.Equals(package.ContentType(part), SharedStringsType, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{part} is not a shared-strings table");
        }

        using var reader = package.Xml(part);
        var index = -1;
        var last = indexes.Max();
        while (index < last && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "si" && reader.NamespaceURI == Main
                && indexes.Contains(++index))
            {
                strings[index] = Text(reader);
            }
        }

        return strings;
    }

    // A cell's type, its first v element's text and its inline string's text; the reader is left on the cell's end.
    private static WorkbookCell Cell(XmlReader reader)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement)
        {
            return new WorkbookCell(type, null, null);
        }

        string? stored = null;
        string? inline = null;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.NamespaceURI == Main)
            {
                if (reader.LocalName == "v" && stored is null)
                {
                    stored = Content(reader);
                }
                else if (reader.LocalName == "is" && inline is null)
                {
                    inline = Text(reader);
                }
            }
        }

        return new WorkbookCell(type, stored, inline);
    }

    // The text of every t element inside a rich-text element (si, is): its runs' and phonetic runs' text, in order.
    private static string Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var text = new StringBuilder();
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && reader.NamespaceURI == Main)
            {
                text.Append(Content(reader));
            }
        }

        return text.ToString();
    }

    // An element's own text (character data and white space), its child elements skipped; the reader is left on its end.
    private static string Content(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var text = new StringBuilder();
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.Depth == depth + 1 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }
}
