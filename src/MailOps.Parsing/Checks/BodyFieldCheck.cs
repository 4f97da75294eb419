using HtmlAgilityPack;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Checks;

/// <summary>
/// Required fields of the body: a label in an HTML table (a header of a column whose later rows must be
/// filled, or a label whose right-hand cell must be), else the same in the text, whose lines are rows of cells
/// split by tabs (pasted from Excel), by a colon (<c>label：value</c>) or by spaces. Blank or not found is incomplete.
/// </summary>
internal static class BodyFieldCheck
{
    public static IEnumerable<Finding> Check(IReadOnlyList<string> fields, ReadMessage message, ParsingOptions options)
    {
        if (fields.Count == 0)
        {
            return [];
        }

        try
        {
            return Find(fields, message, options);
        }
        catch (UnreadableHtmlException ex)
        {
            return [new Finding(FindingKind.Incomplete, new($"正文 HTML 无法读取：{ex.Message}", $"the body's HTML cannot be read: {ex.Message}"))];
        }
    }

    /// <summary>How many of the fields' labels the body holds, filled or blank: whether it carries the report at all.</summary>
    public static int Found(IReadOnlyList<string> fields, ReadMessage message, ParsingOptions options)
    {
        if (fields.Count == 0)
        {
            return 0;
        }

        try
        {
            return States(fields, message, options).Count(s => s.State is not null);
        }
        catch (UnreadableHtmlException)
        {
            return 0;
        }
    }

    private static List<Finding> Find(IReadOnlyList<string> fields, ReadMessage message, ParsingOptions options)
    {
        var findings = new List<Finding>();
        foreach (var (field, state) in States(fields, message, options))
        {
            if (state is null)
            {
                findings.Add(new Finding(FindingKind.Incomplete, new($"正文缺少必填项「{field}」", $"the body has no \"{field}\"")));
            }
            else if (state.Value.BlankRow is { } row)
            {
                var where = row >= 0 ? $"（表格第 {row + 1} 行）" : "";
                var whereEn = row >= 0 ? $" (table row {row + 1})" : "";
                findings.Add(new Finding(FindingKind.Incomplete, new($"「{field}」未填写{where}", $"\"{field}\" is blank{whereEn}")));
            }
        }

        return findings;
    }

    private static IEnumerable<(string Field, FieldState? State)> States(IReadOnlyList<string> fields, ReadMessage message, ParsingOptions options)
    {
        var wanted = fields.Select(f => TextFold.Fold(Blank.Label(f))).ToHashSet(StringComparer.Ordinal);
        var html = new Grids(message.HtmlBody is { } body ? Tables(body, options.MaxHtmlChars) : [], wanted);
        Grids? text = null;
        foreach (var field in fields)
        {
            var label = TextFold.Fold(Blank.Label(field));
            yield return (field, InTables(html, label) ?? InText(text ??= new Grids(TextTables.Of(TextOf(message)), wanted), label));
        }
    }

    /// <summary>Found, and if blank, where: the table row's index, or -1 for a line of text.</summary>
    private readonly record struct FieldState(int? BlankRow);

    /// <summary>
    /// Tables of folded cells (folded once, when read); <see cref="Labels"/> holds each cell's text as a label,
    /// <see cref="Headers"/> each table's header row: its first row holding two or more required labels (a title
    /// row above it is not the header), or -1.
    /// </summary>
    private sealed class Grids
    {
        public Grids(List<string[][]> cells, HashSet<string> wanted)
        {
            Cells = cells;
            Labels = [.. cells.Select(grid => grid.Select(row => row.Select(Blank.Label).ToArray()).ToArray())];
            Headers = [.. Labels.Select(grid => Array.FindIndex(grid, row => row.Count(wanted.Contains) >= 2))];
        }

        public List<string[][]> Cells { get; }

        public List<string[][]> Labels { get; }

        public List<int> Headers { get; }
    }

    // A label in a table's header row heads a column, and any other label is followed by its value.
    private static FieldState? InTables(Grids grids, string label)
    {
        var (tables, labels, headers) = (grids.Cells, grids.Labels, grids.Headers);
        for (var t = 0; t < tables.Count; t++)
        {
            var grid = tables[t];
            for (var r = 0; r < grid.Length; r++)
            {
                for (var c = 0; c < grid[r].Length; c++)
                {
                    if (labels[t][r][c] != label)
                    {
                        continue;
                    }

                    if (r == headers[t] && r < grid.Length - 1)
                    {
                        // A column header: every later row that has anything in it must fill this column.
                        for (var below = r + 1; below < grid.Length; below++)
                        {
                            if (grid[below].Any(cell => !Blank.Is(cell)) && Blank.Is(c < grid[below].Length ? grid[below][c] : null))
                            {
                                return new FieldState(below);
                            }
                        }

                        return new FieldState(null);
                    }

                    var value = grid[r].Skip(c + 1).FirstOrDefault(cell => cell != grid[r][c]);
                    return new FieldState(Blank.Is(value) ? r : null);
                }
            }
        }

        return null;
    }

    // Text has no table rows to name: a blank there is "blank", without a row.
    private static FieldState? InText(Grids grids, string label) =>
        InTables(grids, label) is { } found ? new FieldState(found.BlankRow is null ? null : -1) : null;

    // The text part, or else the HTML's text with its paragraphs and line breaks as lines.
    private static string? TextOf(ReadMessage message)
    {
        var text = message.TextBody;
        if (text is null && message.HtmlBody is { } html)
        {
            var document = Load(html.Replace("<br", "\n<br", StringComparison.OrdinalIgnoreCase).Replace("</p>", "</p>\n", StringComparison.OrdinalIgnoreCase));
            text = HtmlEntity.DeEntitize(document.DocumentNode.InnerText);
        }

        return text;
    }

    /// <summary>Every table of the body's first <paramref name="maxChars"/> characters as a grid of folded cell texts.</summary>
    private static List<string[][]> Tables(string body, int maxChars)
    {
        var html = body.AsSpan(0, Math.Min(body.Length, maxChars));

        // Only the stretch from the first table to the last is read: Outlook's HTML spends most of its bytes on the
        // style sheet in its head, whose tokens hold nothing a table needs.
        var first = html.IndexOf("<table", StringComparison.OrdinalIgnoreCase);
        var last = html.LastIndexOf("</table", StringComparison.OrdinalIgnoreCase);
        if (first < 0)
        {
            return [];
        }

        var end = last > first ? Math.Min(html.Length, last + "</table>".Length) : html.Length;
        return HtmlTables.Of(html[first..end]);
    }

    // The text of an HTML body without a text part is read through HtmlAgilityPack's tree, which it builds and reads
    // recursively: unbounded nesting would overflow the stack, which no catch survives. Real report bodies nest a few
    // dozen elements at most.
    private const int MaxNesting = 256;

    private static HtmlDocument Load(string html)
    {
        var document = new HtmlDocument { OptionMaxNestedChildNodes = MaxNesting };
        try
        {
            document.LoadHtml(html);
        }
#pragma warning disable CA1031 // HtmlAgilityPack reports too deep a tree with a plain Exception.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new UnreadableHtmlException($"it nests more than {MaxNesting} elements deep", ex);
        }

        return document;
    }
}
