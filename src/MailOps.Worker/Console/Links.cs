using System.Globalization;

namespace MailOps.Worker.Web;

/// <summary>The console's addresses, each part escaped: the only place a link to a page is spelt.</summary>
internal static class Links
{
    /// <summary>An obligation's page, from its key <c>report/unit/period</c>.</summary>
    public static string Obligation(string key)
    {
        var parts = key.Split('/', 3);
        return parts.Length == 3 ? $"/obligation/{E(parts[0])}/{E(parts[1])}/{E(parts[2])}" : "/";
    }

    public static string Obligations(string unit, string report, DateOnly from, DateOnly to) =>
        $"/obligations?unit={E(unit)}&report={E(report)}&from={D(from)}&to={D(to)}";

    private static string E(string part) => Uri.EscapeDataString(part);

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
