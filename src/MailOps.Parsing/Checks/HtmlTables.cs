using System.Globalization;
using System.Net;
using System.Text;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Checks;

/// <summary>
/// Every table of an HTML body as a grid of folded cell texts, in the order the tables open, with colspans repeated
/// and rowspans carried down. Read in one pass over the markup (<see cref="HtmlMarkup"/>) without building a tree: a
/// cell's text is all the text inside it, nested tables' included, its character references decoded; a cell or row
/// left open ends where the next one begins, as a mail client shows it; a cell outside any row opens one.
/// </summary>
internal static class HtmlTables
{
    /// <summary>More tables open inside each other than any report nests; beyond it the body cannot be read.</summary>
    public const int MaxNesting = 256;

    // A cell keeps this much of its text (white space before it does not count). A label or a blank is far shorter, so
    // a longer cell compares the same whether whole or cut.
    internal const int MaxCellChars = 10_000;

    // What one body's tables may hold in all: far more than any report's, and little enough that spans (a colspan of 50
    // carried down 500 rows pushes every later cell right) and tables nested in cells (each cell holding the text of
    // those inside it again) cannot make a few kilobytes of HTML cost gigabytes.
    internal const int MaxCells = 200_000;
    internal const long MaxKeptChars = 8_000_000;

    public static List<string[][]> Of(ReadOnlySpan<char> html)
    {
        var grids = new List<string[][]?>();
        var open = new List<Table>();
        var budget = new Budget();
        var markup = new HtmlMarkup(html);
        while (markup.Next(out var piece))
        {
            if (piece == HtmlMarkup.Piece.Text)
            {
                if (open.Count > 0)
                {
                    var text = markup.Text;
                    var decoded = text.Contains('&') ? WebUtility.HtmlDecode(text.ToString()).AsSpan() : text;
                    foreach (var table in open)
                    {
                        budget.Keep(table.Cell?.Append(decoded) ?? 0);
                    }
                }

                continue;
            }

            var top = open.Count > 0 ? open[^1] : null;
            switch (TagOf(markup.Name))
            {
                case Tag.Table when !markup.IsEnd:
                    if (open.Count == MaxNesting)
                    {
                        throw new UnreadableHtmlException($"it nests more than {MaxNesting} tables deep");
                    }

                    open.Add(new Table(grids.Count, budget));
                    grids.Add(null);
                    break;
                case Tag.Table when top is not null:
                    grids[top.Slot] = top.Close();
                    open.RemoveAt(open.Count - 1);
                    break;
                case Tag.Row when top is not null:
                    top.EndRow();
                    if (!markup.IsEnd)
                    {
                        top.StartRow();
                    }

                    break;
                case Tag.Cell when top is not null:
                    top.EndCell();
                    if (!markup.IsEnd)
                    {
                        top.StartCell(Span(markup.Attribute("colspan"), 50), Span(markup.Attribute("rowspan"), 500));
                    }

                    break;
            }
        }

        // A table the HTML never closes ends with it.
        for (var t = open.Count - 1; t >= 0; t--)
        {
            grids[open[t].Slot] = open[t].Close();
        }

        return [.. grids.OfType<string[][]>()];
    }

    private enum Tag
    {
        Other,
        Table,
        Row,
        Cell,
    }

    private static Tag TagOf(ReadOnlySpan<char> name) =>
        name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase) ? Tag.Cell
        : name.Equals("tr", StringComparison.OrdinalIgnoreCase) ? Tag.Row
        : name.Equals("table", StringComparison.OrdinalIgnoreCase) ? Tag.Table
        : Tag.Other;

    // A span as written (colspan="2"), else 1, within reason.
    private static int Span(string? value, int max) =>
        value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var span) ? Math.Clamp(span, 1, max) : 1;

    /// <summary>What the tables read so far hold, against <see cref="MaxCells"/> and <see cref="MaxKeptChars"/>.</summary>
    private sealed class Budget
    {
        private long _chars;
        private int _cells;

        public void Keep(int chars)
        {
            _chars += chars;
            if (_chars > MaxKeptChars)
            {
                throw new UnreadableHtmlException(string.Create(CultureInfo.InvariantCulture, $"its tables hold more than {MaxKeptChars:N0} characters of text"));
            }
        }

        public void Cell()
        {
            if (++_cells > MaxCells)
            {
                throw new UnreadableHtmlException(string.Create(CultureInfo.InvariantCulture, $"its tables hold more than {MaxCells:N0} cells"));
            }
        }
    }

    /// <summary>One open table: its finished rows, the row being read, and the cells rowspans carry into later rows.</summary>
    private sealed class Table(int slot, Budget budget)
    {
        private readonly List<string[]> _rows = [];
        private readonly Dictionary<int, (string Text, int Rows)> _carried = [];
        private List<string>? _row;
        private (int Across, int Down) _span;

        /// <summary>Where this table's grid goes among all the tables, in the order they opened.</summary>
        public int Slot { get; } = slot;

        /// <summary>The text of the cell being read, if any.</summary>
        public CellText? Cell { get; private set; }

        public void StartRow() => _row = [];

        public void EndRow()
        {
            EndCell();
            if (_row is not null)
            {
                _rows.Add([.. _row]);
                _row = null;
            }
        }

        public void StartCell(int across, int down)
        {
            if (_row is null)
            {
                StartRow();
            }

            Cell = new CellText();
            _span = (across, down);
        }

        public void EndCell()
        {
            if (Cell is null || _row is null)
            {
                return;
            }

            while (_carried.TryGetValue(_row.Count, out var above))
            {
                budget.Cell();
                _row.Add(above.Text);
                if (above.Rows - 1 <= 0)
                {
                    _carried.Remove(_row.Count - 1);
                }
                else
                {
                    _carried[_row.Count - 1] = (above.Text, above.Rows - 1);
                }
            }

            var text = TextFold.Fold(Cell.ToString()); // NFKC makes a no-break space a space
            for (var i = 0; i < _span.Across; i++)
            {
                if (_span.Down > 1)
                {
                    _carried[_row.Count] = (text, _span.Down - 1);
                }

                budget.Cell();
                _row.Add(text);
            }

            Cell = null;
        }

        public string[][]? Close()
        {
            EndRow();
            return _rows.Count > 0 ? [.. _rows] : null;
        }
    }

    /// <summary>
    /// A cell's text from its first character that is not white space (folding drops what comes before), kept up to
    /// <see cref="MaxCellChars"/>. Past it, only whether more than white space follows is kept (an ellipsis then ends
    /// the text), so that a cut cell is blank exactly when the whole one is.
    /// </summary>
    internal sealed class CellText
    {
        private readonly StringBuilder _text = new();
        private bool _more;

        /// <summary>Adds text; returns how many of its characters were kept.</summary>
        public int Append(ReadOnlySpan<char> data)
        {
            if (_more)
            {
                return 0;
            }

            if (_text.Length == 0)
            {
                var start = 0;
                while (start < data.Length && (char.IsWhiteSpace(data[start]) || data[start] == '\u200B'))
                {
                    start++;
                }

                data = data[start..];
            }

            var room = MaxCellChars - _text.Length;
            if (room >= data.Length)
            {
                _text.Append(data);
                return data.Length;
            }

            _text.Append(data[..room]);
            _more = !data[room..].IsWhiteSpace();
            return room;
        }

        public override string ToString() => _more ? string.Concat(_text.ToString(), "…") : _text.ToString();
    }
}

/// <summary>HTML the body-field check will not read: nested too deep, or tables too large for any report.</summary>
internal sealed class UnreadableHtmlException(string message, Exception? inner = null) : Exception(message, inner);
