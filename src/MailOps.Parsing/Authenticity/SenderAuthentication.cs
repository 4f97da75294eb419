using MailOps.Compliance.Common;
using MimeKit;
using MimeKit.Cryptography;

namespace MailOps.Parsing.Authenticity;

/// <summary>
/// An internal From must be backed by the receiving server's verdict: the first (topmost)
/// Authentication-Results header must not show DMARC, SPF or DKIM failing, and Exchange must not have
/// received it anonymously from outside. Lower Authentication-Results headers can be forged by a sender.
/// </summary>
internal static class SenderAuthentication
{
    public static LocalizedText? Check(MimeMessage message, string fromAddress, IReadOnlySet<string> internalDomains)
    {
        var at = fromAddress.LastIndexOf('@');
        if (at < 0 || !internalDomains.Contains(fromAddress[(at + 1)..]))
        {
            return null;
        }

        var authAs = message.Headers["X-MS-Exchange-Organization-AuthAs"]?.Trim();
        if (string.Equals(authAs, "Anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return new LocalizedText(
                $"发件人 {fromAddress} 是内部地址，但邮件从外部匿名发入（X-MS-Exchange-Organization-AuthAs: Anonymous），需人工确认",
                $"the sender {fromAddress} is internal but the message arrived anonymously from outside (X-MS-Exchange-Organization-AuthAs: Anonymous); a person must accept it");
        }

        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.AuthenticationResults);
        if (header is null || !AuthenticationResults.TryParse(header.RawValue, out var results))
        {
            return null;
        }

        var failed = results.Results
            .Where(r => (r.Method, r.Result?.ToLowerInvariant()) is ("dmarc", "fail") or ("spf", "fail" or "softfail"))
            .Select(r => $"{r.Method}={r.Result}")
            .ToList();
        var dkim = results.Results.Where(r => r.Method == "dkim").Select(r => r.Result?.ToLowerInvariant()).ToList();
        if (dkim.Contains("fail") && !dkim.Contains("pass"))
        {
            failed.Add("dkim=fail");
        }

        return failed.Count == 0
            ? null
            : new LocalizedText(
                $"发件人 {fromAddress} 是内部地址，但认证失败（{string.Join(", ", failed)}），疑似伪造，需人工确认",
                $"the sender {fromAddress} is internal but authentication failed ({string.Join(", ", failed)}); possibly spoofed, a person must accept it");
    }
}
