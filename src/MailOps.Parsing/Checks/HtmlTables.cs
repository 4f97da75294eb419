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

    // A cell keeps this much of its text. A label or a blank is far shorter, so a longer cell compares the same
    // whether whole or cut; cutting bounds what tables nested inside a cell (each holding the text again) can cost.
    internal const int MaxCellChars = 10_000;

    public static List<string[][]> Of(ReadOnlySpan<char> html)
    {
        var grids = new List<string[][]?>();
        var open = new List<Table>();
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
                        table.Cell?.Append(decoded);
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
                        throw new HtmlNestingException($"it nests more than {MaxNesting} tables deep");
                    }

                    open.Add(new Table(grids.Count));
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

    /// <summary>One open table: its finished rows, the row being read, and the cells rowspans carry into later rows.</summary>
    private sealed class Table(int slot)
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

            var text = TextFold.Fold(Cell.ToString().Replace('\u00A0', ' '));
            for (var i = 0; i < _span.Across; i++)
            {
                if (_span.Down > 1)
                {
                    _carried[_row.Count] = (text, _span.Down - 1);
                }

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
    /// A cell's text, kept up to <see cref="MaxCellChars"/>. Past it, only whether more than white space follows is
    /// kept (an ellipsis then ends the text), so that a cut cell is blank exactly when the whole one is.
    /// </summary>
    internal sealed class CellText
    {
        private readonly StringBuilder _text = new();
        private bool _more;

        public void Append(ReadOnlySpan<char> data)
        {
            var room = MaxCellChars - _text.Length;
            if (_more)
            {
                return;
            }

            if (room >= data.Length)
            {
                _text.Append(data);
                return;
            }

            _text.Append(data[..Math.Max(0, room)]);
            _more |= data[Math.Max(0, room)..].Trim().Length > 0;
        }

        public override string ToString() => _more ? string.Concat(_text.ToString(), "…") : _text.ToString();
    }
}

/// <summary>HTML nested deeper than the body-field check reads.</summary>
internal sealed class HtmlNestingException(string message, Exception? inner = null) : Exception(message, inner);
