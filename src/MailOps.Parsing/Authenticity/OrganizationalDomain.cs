namespace MailOps.Parsing.Authenticity;

/// <summary>
/// DMARC's relaxed alignment: two domains are aligned when they share an organizational domain, the registrable name
/// under the public suffix (<c>mail.example.com</c> and <c>hq.example.com</c> share <c>example.com</c>). The suffix is
/// the last label, or the last two when they are one of the multi-label suffixes of <see cref="TwoLabelSuffixes"/>;
/// this is not the whole Public Suffix List, so under a multi-label suffix it does not know (a registry's
/// <c>x.y.zz</c>) two domains align by their last two labels, which is looser than DMARC.
/// </summary>
internal static class OrganizationalDomain
{
    // The second-level suffixes mail of a group company in China meets: the mainland's, Hong Kong's, Macao's and
    // Taiwan's, and those of the countries its partners write from most.
    private static readonly HashSet<string> TwoLabelSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "mil.cn",
        "com.hk", "net.hk", "org.hk", "edu.hk", "gov.hk", "idv.hk",
        "com.mo", "net.mo", "org.mo", "edu.mo", "gov.mo",
        "com.tw", "net.tw", "org.tw", "edu.tw", "gov.tw", "idv.tw",
        "com.sg", "net.sg", "org.sg", "edu.sg", "gov.sg",
        "com.my", "net.my", "org.my",
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
        "co.kr", "or.kr", "ac.kr",
        "com.au", "net.au", "org.au", "edu.au", "gov.au",
        "co.nz", "org.nz", "net.nz",
        "co.in", "com.br", "co.za",
    };

    /// <summary>The organizational domain of a domain name (lower case, without a trailing dot).</summary>
    public static string Of(string domain)
    {
        var labels = domain.Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        var take = labels.Length >= 3 && TwoLabelSuffixes.Contains($"{labels[^2]}.{labels[^1]}") ? 3 : 2;
        return string.Join('.', labels[Math.Max(0, labels.Length - take)..]);
    }

    public static bool Aligned(string domain, string other) =>
        domain.Length > 0 && other.Length > 0 && string.Equals(Of(domain), Of(other), StringComparison.Ordinal);
}
