using MailOps.Compliance.Common;
using MimeKit;
using MimeKit.Cryptography;

namespace MailOps.Parsing.Authenticity;

/// <summary>
/// An internal address (a domain of <c>internalDomains</c>) must be vouched for by the receiving tenant, in this order:
/// Exchange's <c>X-MS-Exchange-Organization-AuthAs: Anonymous</c> holds it; otherwise the topmost Authentication-Results
/// written by a trusted authserv-id (<see cref="ParsingOptions.TrustedAuthServIds"/>; others may have been added by the
/// sender and are ignored) decides: unreadable, or recording a failure, holds it (even for AuthAs Internal); else
/// <c>AuthAs: Internal</c> (mail that never left the tenant), or an aligned pass or <c>compauth=pass</c>
/// (<see cref="StampVerdict"/>) accepts it. With neither a trusted header nor AuthAs Internal nothing vouches for the
/// sender: held. Exchange Online strips <c>X-MS-Exchange-Organization-*</c> headers from mail it receives from outside.
/// </summary>
internal sealed class SenderAuthentication(IReadOnlySet<string> internalDomains, ParsingOptions options)
{
    private const string AuthAsHeader = "X-MS-Exchange-Organization-AuthAs";

    /// <summary>Null when <paramref name="address"/> is outside or authentic; else why it is held, in Chinese and English.</summary>
    public LocalizedText? Check(MimeMessage message, string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at < 0 ? "" : address[(at + 1)..];
        if (!internalDomains.Contains(domain))
        {
            return null;
        }

        var authAs = message.Headers.Where(h => string.Equals(h.Field, AuthAsHeader, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).ToList();
        if (authAs.Any(v => string.Equals(v, "Anonymous", StringComparison.OrdinalIgnoreCase)))
        {
            return new LocalizedText(
                $"发件人 {address} 是内部地址，但邮件从外部匿名发入（{AuthAsHeader}: Anonymous），需人工确认",
                $"the sender {address} is internal but the message arrived anonymously from outside ({AuthAsHeader}: Anonymous); a person must accept it");
        }

        var internalMail = authAs.Count > 0 && authAs.All(v => string.Equals(v, "Internal", StringComparison.OrdinalIgnoreCase));
        var stamps = AuthenticationStamp.Of(message).ToList();
        var trusted = stamps.FirstOrDefault(s => s.IsTrustedBy(options));
        if (trusted is null)
        {
            return internalMail ? null : NoVerdict(address, stamps);
        }

        if (!AuthenticationResults.TryParse(trusted.RawValue, out var results))
        {
            return new LocalizedText(
                $"发件人 {address} 是内部地址，但收件服务器的 Authentication-Results 无法解读（{trusted.Excerpt()}），需人工确认",
                $"the sender {address} is internal but the receiving server's Authentication-Results cannot be read ({trusted.Excerpt()}); a person must accept it");
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? address;
        var verdict = new StampVerdict(results, domain, from[(from.LastIndexOf('@') + 1)..]);
        if (verdict.Failures() is { Count: > 0 } failures)
        {
            return new LocalizedText(
                $"发件人 {address} 是内部地址，但认证失败（{string.Join("；", failures.Select(f => f.Zh))}），疑似伪造，需人工确认",
                $"the sender {address} is internal but authentication failed ({string.Join("; ", failures.Select(f => f.En))}); possibly spoofed, a person must accept it");
        }

        if (internalMail || verdict.Vouches())
        {
            return null;
        }

        var why = verdict.WhyNotVouched();
        return new LocalizedText(
            $"发件人 {address} 是内部地址，但收件服务器的认证结果不能证明其身份：{why.Zh}，需人工确认",
            $"the sender {address} is internal but the receiving server's Authentication-Results does not vouch for it: {why.En}; a person must accept it");
    }

    private static LocalizedText NoVerdict(string address, List<AuthenticationStamp> untrusted)
    {
        var names = untrusted.Select(s => s.AuthServId ?? "(no authserv-id)").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var (zh, en) = names.Count == 0
            ? ("", "")
            : ($"；{string.Join("、", names)} 不是受信任的 authserv-id，其 Authentication-Results 不作数",
                $"; {string.Join(", ", names)} {(names.Count == 1 ? "is not a trusted authserv-id" : "are not trusted authserv-ids")}, so {(names.Count == 1 ? "its" : "their")} Authentication-Results do not count");
        return new LocalizedText(
            $"发件人 {address} 是内部地址，但邮件既没有受信任服务器的 Authentication-Results，也没有 {AuthAsHeader}: Internal{zh}，需人工确认",
            $"the sender {address} is internal but the message has no Authentication-Results from a trusted server and no {AuthAsHeader}: Internal{en}; a person must accept it");
    }
}
