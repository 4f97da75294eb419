using HtmlAgilityPack;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Tests.Support;

/// <summary>
/// The tables of an HTML body as the body-field check read them until 2026-12-03: HtmlAgilityPack's tree, each table's
/// rows those whose nearest table it is, each row's cells its own td and th, each cell's text its InnerText decoded.
/// Kept as the oracle that the one-pass reader reads real mail the same.
/// </summary>
internal static class TreeTables
{
    public static List<string[][]> Of(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var grids = new List<string[][]>();
        foreach (var table in document.DocumentNode.Descendants("table"))
        {
            var rows = table.Descendants("tr").Where(tr => tr.Ancestors("table").FirstOrDefault() == table).ToList();
            var carried = new Dictionary<int, (string Text, int Rows)>();
            var grid = new List<string[]>();
            foreach (var tr in rows)
            {
                var cells = new List<string>();
                foreach (var td in tr.Elements("td").Concat(tr.Elements("th")).OrderBy(n => n.StreamPosition))
                {
                    while (carried.TryGetValue(cells.Count, out var above))
                    {
                        cells.Add(above.Text);
                        carried[cells.Count - 1] = (above.Text, above.Rows - 1);
                        if (above.Rows - 1 <= 0)
                        {
                            carried.Remove(cells.Count - 1);
                        }
                    }

                    var text = TextFold.Fold(HtmlEntity.DeEntitize(td.InnerText).Replace('\u00A0', ' '));
                    var span = Math.Clamp(td.GetAttributeValue("colspan", 1), 1, 50);
                    var down = Math.Clamp(td.GetAttributeValue("rowspan", 1), 1, 500);
                    for (var i = 0; i < span; i++)
                    {
                        if (down > 1)
                        {
                            carried[cells.Count] = (text, down - 1);
                        }

                        cells.Add(text);
                    }
                }

                grid.Add([.. cells]);
            }

            if (grid.Count > 0)
            {
                grids.Add([.. grid]);
            }
        }

        return grids;
    }
}
