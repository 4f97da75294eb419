namespace MailOps.Worker.Hosting;

/// <summary>
/// How many edits turn one name into another (insert, delete, replace, or swap two neighbouring characters:
/// optimal string alignment), for "did you mean" suggestions: a setting's key, an obligation's key.
/// </summary>
internal static class EditDistance
{
    public static int Between(string a, string b, StringComparison comparison = StringComparison.Ordinal)
    {
        if (comparison is StringComparison.OrdinalIgnoreCase or StringComparison.InvariantCultureIgnoreCase or StringComparison.CurrentCultureIgnoreCase)
        {
            (a, b) = (a.ToUpperInvariant(), b.ToUpperInvariant());
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
