using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>The triage page at a held message's section (<see cref="Anchor"/>).</summary>
    public static string Triage(string messageId) => $"/triage#{Anchor(messageId)}";

    /// <summary>
    /// The id of a held message's section on the triage page: a digest of its Message-ID, which may hold
    /// <c>&lt; &gt; @ # /</c> and so is no fragment as it is; the same for every page and mail that names it.
    /// </summary>
    public static string Anchor(string messageId) => "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..16];

    /// <summary>
    /// A page's address for people elsewhere (a mail): <paramref name="link"/> under the console's public base, which
    /// keeps its own path (<c>https://hq.example.com/mailops/</c>); escapes stay escaped (<see cref="Uri.AbsoluteUri"/>).
    /// </summary>
    public static string Absolute(Uri publicBase, string link) => new Uri(publicBase, link.TrimStart('/')).AbsoluteUri;

    private static string E(string part) => Uri.EscapeDataString(part);

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
