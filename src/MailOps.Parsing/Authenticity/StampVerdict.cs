using MailOps.Compliance.Common;
using MimeKit.Cryptography;

namespace MailOps.Parsing.Authenticity;

/// <summary>
/// What the trusted Authentication-Results says of one internal domain. A failure is <c>compauth=fail</c>,
/// <c>dmarc=fail</c>, <c>spf=fail</c> or <c>softfail</c>, or <c>dkim=fail</c> with no <c>dkim=pass</c> aligned with the
/// domain. A pass counts when it is aligned with the domain (<see cref="OrganizationalDomain"/>): <c>dmarc=pass</c> for
/// its header.from, <c>dkim=pass</c> for its header.d, <c>spf=pass</c> for its smtp.mailfrom; or when Microsoft's
/// composite verdict <c>compauth=pass</c>, which is about the From domain, is for a domain aligned with this one.
/// </summary>
internal sealed class StampVerdict
{
    private readonly List<AuthenticationMethodResult> _results;
    private readonly string _domain;
    private readonly string _fromDomain;
    private readonly string _whose;
    private readonly string _whoseZh;

    /// <param name="domain">The domain judged: of the From, or of the Sender or Reply-To that named the unit.</param>
    /// <param name="fromDomain">The domain of the message's From, which DMARC and compauth judge.</param>
    public StampVerdict(AuthenticationResults results, string domain, string fromDomain)
    {
        _results = [.. results.Results];
        _domain = domain;
        _fromDomain = fromDomain;
        var isFrom = string.Equals(domain, fromDomain, StringComparison.OrdinalIgnoreCase);
        _whose = isFrom ? "the From domain" : "the submitter's domain";
        _whoseZh = isFrom ? "发件人域名" : "报送人域名";
    }

    /// <summary>Each failure the header records, explained; empty when nothing failed.</summary>
    public IReadOnlyList<LocalizedText> Failures()
    {
        var failures = new List<LocalizedText>();
        foreach (var r in Method("compauth").Where(r => Is(r, "fail")))
        {
            failures.Add(r.Reason is { Length: > 0 } reason ? new($"compauth=fail（原因 {reason}）", $"compauth=fail (reason {reason})") : new("compauth=fail", "compauth=fail"));
        }

        foreach (var r in Method("dmarc").Where(r => Is(r, "fail")))
        {
            var d = Property(r, "header", "from") ?? "?";
            failures.Add(new($"dmarc=fail（{d}）", $"dmarc=fail for {d}"));
        }

        foreach (var r in Method("spf").Where(r => Is(r, "fail") || Is(r, "softfail")))
        {
            var d = Domain(Property(r, "smtp", "mailfrom") ?? Property(r, "smtp", "helo")) ?? "?";
            failures.Add(new($"spf={r.Result!.ToLowerInvariant()}（{d}）", $"spf={r.Result!.ToLowerInvariant()} for {d}"));
        }

        var dkimFailed = Method("dkim").Where(r => Is(r, "fail")).Select(r => Property(r, "header", "d") ?? "?").ToList();
        if (dkimFailed.Count > 0 && !Passes("dkim", "header", "d").Any(Aligned))
        {
            var failed = string.Join(", ", dkimFailed.Select(d => $"dkim=fail for {d}"));
            var failedZh = string.Join("，", dkimFailed.Select(d => $"dkim=fail（{d}）"));
            var elsewhere = Passes("dkim", "header", "d").ToList();
            failures.Add(elsewhere.Count == 0
                ? new(failedZh, failed)
                : new(
                    $"{failedZh}，而 dkim=pass 针对的是 {string.Join("、", elsewhere)}，不是{_whoseZh} {_domain}",
                    $"{failed}, and dkim=pass for {string.Join(", ", elsewhere)} is not {_whose} {_domain}"));
        }

        return failures;
    }

    /// <summary>Whether a pass counts for the domain.</summary>
    public bool Vouches() =>
        (Method("compauth").Any(r => Is(r, "pass")) && Aligned(_fromDomain))
        || Passes("dmarc", "header", "from").Any(Aligned)
        || Passes("dkim", "header", "d").Any(Aligned)
        || Passes("spf", "smtp", "mailfrom").Any(Aligned);

    /// <summary>Why no pass counts: each pass for another domain, or that nothing passed.</summary>
    public LocalizedText WhyNotVouched()
    {
        var zh = new List<string>();
        var en = new List<string>();
        if (Method("compauth").Any(r => Is(r, "pass")))
        {
            zh.Add($"compauth=pass 针对的是发件人域名 {_fromDomain}，不是{_whoseZh} {_domain}");
            en.Add($"compauth=pass is for the From domain {_fromDomain}, not {_whose} {_domain}");
        }

        foreach (var (method, type, property) in new[] { ("dmarc", "header", "from"), ("dkim", "header", "d"), ("spf", "smtp", "mailfrom") })
        {
            foreach (var d in Passes(method, type, property))
            {
                zh.Add($"{method}=pass 针对的是 {d}，不是{_whoseZh} {_domain}");
                en.Add($"{method}=pass for {d} is not {_whose} {_domain}");
            }

            if (Method(method).Any(r => Is(r, "pass") && Property(r, type, property) is null))
            {
                zh.Add($"{method}=pass 没有注明 {type}.{property}");
                en.Add($"{method}=pass names no {type}.{property}");
            }
        }

        if (en.Count > 0)
        {
            return new(string.Join("；", zh), string.Join("; ", en));
        }

        var seen = string.Join(", ", _results.Select(r => $"{r.Method}={r.Result}"));
        return new($"{_domain} 没有任何一项认证通过（{seen}）", $"nothing passed for {_domain} ({seen})");
    }

    private IEnumerable<AuthenticationMethodResult> Method(string method) =>
        _results.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));

    // The domains a method passed for, as the property names them (an address's domain for smtp.mailfrom).
    private IEnumerable<string> Passes(string method, string type, string property) =>
        Method(method).Where(r => Is(r, "pass")).Select(r => Domain(Property(r, type, property))).OfType<string>();

    private bool Aligned(string domain) => OrganizationalDomain.Aligned(domain, _domain);

    private static bool Is(AuthenticationMethodResult r, string result) => string.Equals(r.Result, result, StringComparison.OrdinalIgnoreCase);

    private static string? Property(AuthenticationMethodResult r, string type, string property) =>
        r.Properties.FirstOrDefault(p =>
            string.Equals(p.PropertyType, type, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Property, property, StringComparison.OrdinalIgnoreCase))?.Value is { Length: > 0 } value
            && !string.Equals(value, "none", StringComparison.OrdinalIgnoreCase)
            ? value
            : null;

    private static string? Domain(string? value) => value is null ? null : value[(value.LastIndexOf('@') + 1)..].Trim().TrimEnd('.') is { Length: > 0 } d ? d : null;
}
