using System.Text.RegularExpressions;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Checks;

/// <summary>
/// A plain-text body's lines as tables of folded cells, for the body-field check to read as it reads HTML tables.
/// A line splits into cells at its tabs (pasted from Excel), else at its first colon when no space comes before
/// it (<c>来电总量：1,100</c>; <c>活动时间 15:00-18:00</c> splits at the space), else at its spaces; a line of one cell
/// ends a table. Consecutive tab lines are one table, as a pasted sheet is, however many cells each has; lines split
/// otherwise are one table while they split the same way into as many cells, so that a sentence below a table of
/// spaces is no row of it.
/// </summary>
internal static partial class TextTables
{
    private enum Split
    {
        Tab,
        Colon,
        Space,
    }

    public static List<string[][]> Of(string? text)
    {
        var tables = new List<string[][]>();
        var rows = new List<string[]>();
        var split = Split.Tab;
        foreach (var line in LineBreak().Split(text ?? ""))
        {
            var cells = Cells(line, out var kind);
            if (rows.Count > 0 && (cells is null || kind != split || (kind != Split.Tab && cells.Length != rows[0].Length)))
            {
                tables.Add([.. rows]);
                rows.Clear();
            }

            if (cells is not null)
            {
                rows.Add(cells);
                split = kind;
            }
        }

        if (rows.Count > 0)
        {
            tables.Add([.. rows]);
        }

        return tables;
    }

    // Folding turns full-width colons and spaces (：, the ideographic space) half-width and runs of spaces into one.
    private static string[]? Cells(string line, out Split kind)
    {
        kind = Split.Tab;
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return [.. line.Split('\t').Select(TextFold.Fold)];
        }

        var folded = TextFold.Fold(line);
        var colon = folded.IndexOf(':', StringComparison.Ordinal);
        var space = folded.IndexOf(' ', StringComparison.Ordinal);
        if (colon > 0 && (space < 0 || space > colon))
        {
            kind = Split.Colon;
            return [folded[..colon], folded[(colon + 1)..].Trim()];
        }

        kind = Split.Space;
        return space > 0 ? folded.Split(' ') : null;
    }

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex LineBreak();
}
