using System.Text;
using MailOps.Compliance.Common;
using MailOps.Parsing.Authenticity;
using MimeKit;

namespace MailOps.Parsing.Tests.Authenticity;

/// <summary>
/// Each row is the trace headers of one message from an internal From, as Exchange Online (or a forger) leaves
/// them, topmost first. Exchange Online's stamp carries no authserv-id; a header naming another server was not
/// written by the receiving tenant and proves nothing.
/// </summary>
public sealed class SenderAuthenticationTests
{
    private static readonly HashSet<string> InternalDomains = new(["hq.example.com", "callcenter.example.com", "hq.example.com.cn"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when the message's From is authentic, else why not.</summary>
    private static LocalizedText? Judge(string headers, ParsingOptions? options = null)
    {
        using var raw = new MemoryStream(Encoding.UTF8.GetBytes(headers.ReplaceLineEndings("\r\n") + "\r\nSubject: 呼叫中心信息日报\r\n\r\nbody\r\n"));
        var message = MimeMessage.Load(raw);
        return new SenderAuthentication(InternalDomains, options ?? ParsingOptions.Default).Check(message, message.From.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData(
        "unparseable topmost stamp (an unclosed comment) that says fail",
        """
        Authentication-Results: spf=fail (sender IP is 203.0.113.9 smtp.mailfrom=hq.example.com; dmarc=fail header.from=hq.example.com
        From: report@hq.example.com
        """,
        "cannot be read", "无法解读")]
    [InlineData(
        "compauth=fail beside an aligned spf=pass",
        """
        Authentication-Results: spf=pass (sender IP is 40.107.1.7) smtp.mailfrom=hq.example.com; dkim=none (message not signed)
         header.d=none;dmarc=none action=none header.from=hq.example.com;compauth=fail reason=601
        From: report@hq.example.com
        """,
        "compauth=fail (reason 601)", "compauth=fail")]
    [InlineData(
        "dkim=pass for a foreign domain hiding a failing signature of the From domain",
        """
        Authentication-Results: spf=none (sender IP is 203.0.113.20) smtp.mailfrom=mailer.example.net; dkim=pass (signature was verified)
         header.d=mailer.example.net;dkim=fail (body hash did not verify) header.d=hq.example.com;dmarc=none action=none header.from=hq.example.com
        From: report@hq.example.com
        """,
        "dkim=fail for hq.example.com, and dkim=pass for mailer.example.net is not the From domain hq.example.com", "dkim=fail")]
    [InlineData(
        "spf=pass for a foreign envelope domain with dmarc=none",
        """
        Authentication-Results: spf=pass (sender IP is 198.51.100.9) smtp.mailfrom=bulk.example.net; dkim=none (message not signed)
         header.d=none;dmarc=none action=none header.from=hq.example.com
        From: report@hq.example.com
        """,
        "spf=pass for bulk.example.net is not the From domain hq.example.com", "bulk.example.net")]
    [InlineData(
        "dmarc=fail beside an aligned dkim=pass",
        """
        Authentication-Results: spf=none smtp.mailfrom=hq.example.com; dkim=pass header.d=hq.example.com;dmarc=fail action=oreject header.from=hq.example.com
        From: report@hq.example.com
        """,
        "dmarc=fail for hq.example.com", "dmarc=fail")]
    [InlineData(
        "spf=softfail for the From domain",
        """
        Authentication-Results: spf=softfail (sender IP is 192.0.2.44) smtp.mailfrom=hq.example.com; dkim=none (message not signed)
         header.d=none;dmarc=none action=none header.from=hq.example.com;compauth=softpass reason=201
        From: report@hq.example.com
        """,
        "spf=softfail for hq.example.com", "spf=softfail")]
    [InlineData(
        "compauth=softpass is not a pass",
        """
        Authentication-Results: spf=none smtp.mailfrom=hq.example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=hq.example.com;compauth=softpass reason=201
        From: report@hq.example.com
        """,
        "nothing passed for hq.example.com", "没有")]
    [InlineData(
        "a look-alike suffix: other.com.cn is not aligned with hq.example.com.cn",
        """
        Authentication-Results: spf=pass smtp.mailfrom=other.com.cn; dkim=pass header.d=other.com.cn;dmarc=none action=none header.from=hq.example.com.cn
        From: report@hq.example.com.cn
        """,
        "dkim=pass for other.com.cn is not the From domain hq.example.com.cn", "other.com.cn")]
    [InlineData(
        "a pass from an untrusted authserv-id is ignored",
        """
        Authentication-Results: mx.attacker.example.net; spf=pass smtp.mailfrom=hq.example.com; dkim=pass header.d=hq.example.com; dmarc=pass header.from=hq.example.com
        From: report@hq.example.com
        """,
        "mx.attacker.example.net is not a trusted", "mx.attacker.example.net")]
    [InlineData(
        "the topmost trusted stamp decides, not an untrusted header above it",
        """
        Authentication-Results: gateway.example.net; spf=pass smtp.mailfrom=hq.example.com; dmarc=pass header.from=hq.example.com
        Authentication-Results: spf=fail (sender IP is 203.0.113.52) smtp.mailfrom=hq.example.com; dkim=none (message not signed)
         header.d=none;dmarc=fail action=oreject header.from=hq.example.com;compauth=fail reason=000
        From: report@hq.example.com
        """,
        "dmarc=fail for hq.example.com", "dmarc=fail")]
    [InlineData(
        "AuthAs Anonymous whatever the stamp says",
        """
        Authentication-Results: spf=pass smtp.mailfrom=hq.example.com; dkim=pass header.d=hq.example.com;dmarc=pass action=none header.from=hq.example.com;compauth=pass reason=100
        X-MS-Exchange-Organization-AuthAs: Anonymous
        From: report@hq.example.com
        """,
        "X-MS-Exchange-Organization-AuthAs: Anonymous", "匿名")]
    [InlineData(
        "AuthAs Internal does not outweigh a stamp that fails",
        """
        Authentication-Results: spf=fail smtp.mailfrom=hq.example.com; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=hq.example.com;compauth=fail reason=000
        X-MS-Exchange-Organization-AuthAs: Internal
        From: report@hq.example.com
        """,
        "compauth=fail (reason 000)", "compauth=fail")]
    [InlineData(
        "neither a stamp nor AuthAs",
        """
        From: report@hq.example.com
        """,
        "no Authentication-Results from a trusted server", "没有")]
    public void Check_ASpoofOrAFailure_HoldsTheSenderSayingWhy(string label, string headers, string why, string whyZh)
    {
        var detail = Judge(headers);

        detail.Should().NotBeNull(label);
        detail!.En.Should().Contain(why, label);
        detail.Zh.Should().Contain(whyZh, label);
    }

    [Theory]
    [InlineData(
        "Exchange Online's stamp, all aligned",
        """
        Authentication-Results: spf=pass (sender IP is 40.107.94.20) smtp.mailfrom=hq.example.com; dkim=pass (signature was verified)
         header.d=hq.example.com;dmarc=pass action=none header.from=hq.example.com;compauth=pass reason=100
        From: report@hq.example.com
        """)]
    [InlineData(
        "compauth=pass although nothing else is aligned",
        """
        Authentication-Results: spf=pass (sender IP is 198.51.100.9) smtp.mailfrom=bulk.example.net; dkim=none (message not signed)
         header.d=none;dmarc=none action=none header.from=hq.example.com;compauth=pass reason=109
        From: report@hq.example.com
        """)]
    [InlineData(
        "dkim=pass for the From domain",
        """
        Authentication-Results: spf=none smtp.mailfrom=bulk.example.net; dkim=pass (signature was verified) header.d=hq.example.com;dmarc=none action=none header.from=hq.example.com
        From: report@hq.example.com
        """)]
    [InlineData(
        "spf=pass for the From domain",
        """
        Authentication-Results: spf=pass (sender IP is 40.107.94.20) smtp.mailfrom=hq.example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=hq.example.com
        From: report@hq.example.com
        """)]
    [InlineData(
        "dmarc=pass for the From domain",
        """
        Authentication-Results: dkim=none (message not signed) header.d=none;dmarc=pass action=none header.from=hq.example.com
        From: report@hq.example.com
        """)]
    [InlineData(
        "subdomain alignment: dkim of the parent domain, spf of a sibling",
        """
        Authentication-Results: spf=pass smtp.mailfrom=bounce@mail.example.com; dkim=pass header.d=example.com;dmarc=none action=none header.from=callcenter.example.com
        From: chen.xue@callcenter.example.com
        """)]
    [InlineData(
        "alignment under a two-label public suffix",
        """
        Authentication-Results: spf=pass smtp.mailfrom=mail.example.com.cn; dkim=none header.d=none;dmarc=none action=none header.from=hq.example.com.cn
        From: report@hq.example.com.cn
        """)]
    [InlineData(
        "Exchange Online's stamp naming mx.microsoft.com",
        """
        Authentication-Results: mx.microsoft.com 1; spf=pass (sender IP is 40.107.94.20) smtp.mailfrom=hq.example.com; dkim=pass
         (signature was verified) header.d=hq.example.com;dmarc=pass action=none header.from=hq.example.com;compauth=pass reason=100
        From: report@hq.example.com
        """)]
    [InlineData(
        "Exchange Online's stamp with per-method authserv-ids of the tenant",
        """
        Authentication-Results: spf=pass (sender IP is 40.107.94.20) smtp.mailfrom=hq.example.com; hq.example.com; dkim=pass
         (signature was verified) header.d=hq.example.com; hq.example.com; dmarc=pass action=none header.from=hq.example.com;compauth=pass reason=100
        From: report@hq.example.com
        """)]
    [InlineData(
        "a lower failing header under the trusted pass is someone else's",
        """
        Authentication-Results: spf=pass (sender IP is 40.107.94.20) smtp.mailfrom=hq.example.com; dkim=pass (signature was verified)
         header.d=hq.example.com;dmarc=pass action=none header.from=hq.example.com;compauth=pass reason=100
        Authentication-Results: spf=fail smtp.mailfrom=hq.example.com; dmarc=fail header.from=hq.example.com; compauth=fail reason=000
        From: report@hq.example.com
        """)]
    [InlineData(
        "internal mail: AuthAs Internal and no stamp",
        """
        X-MS-Exchange-Organization-AuthAs: Internal
        From: report@hq.example.com
        """)]
    [InlineData(
        "internal mail: AuthAs Internal and Exchange's intra-org stamp with nothing passed",
        """
        Authentication-Results: dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=hq.example.com;
        X-MS-Exchange-Organization-AuthAs: Internal
        From: report@hq.example.com
        """)]
    [InlineData(
        "an outside From is not judged here",
        """
        Authentication-Results: spf=fail smtp.mailfrom=example.org; dmarc=fail header.from=example.org; compauth=fail reason=000
        From: someone@example.org
        """)]
    public void Check_AnAuthenticSender_IsAccepted(string label, string headers)
    {
        Judge(headers).Should().BeNull(label);
    }

    [Fact]
    public void Check_AConfiguredAuthServId_IsTrustedAndExchangeOnlinesDefaultsAreNot()
    {
        var gateway = new ParsingOptions { TrustedAuthServIds = ["mx.hq.example.com"], TrustMissingAuthServId = false };
        const string Headers = """
            Authentication-Results: mx.hq.example.com; spf=pass smtp.mailfrom=hq.example.com; dkim=pass header.d=hq.example.com; dmarc=pass header.from=hq.example.com
            From: report@hq.example.com
            """;
        const string Exchange = """
            Authentication-Results: spf=pass smtp.mailfrom=hq.example.com; dkim=pass header.d=hq.example.com;dmarc=pass action=none header.from=hq.example.com;compauth=pass reason=100
            From: report@hq.example.com
            """;

        Judge(Headers, gateway).Should().BeNull();
        Judge(Headers)!.En.Should().Contain("mx.hq.example.com is not a trusted");
        Judge(Exchange, gateway)!.En.Should().Contain("no Authentication-Results from a trusted server");
    }

    [Theory]
    [InlineData("*.protection.outlook.com", "BN8NAM11FT041.mail.protection.outlook.com", true)]
    [InlineData("*.protection.outlook.com", "protection.outlook.com.attacker.example", false)]
    [InlineData("*.protection.outlook.com", "evilprotection.outlook.com", false)]
    [InlineData("mx.microsoft.com", "MX.Microsoft.com", true)]
    [InlineData("mx.microsoft.com", "mx.microsoft.com.example", false)]
    public void Check_AWildcardAuthServId_MatchesOnlyItsSubdomains(string trusted, string stamped, bool counts)
    {
        var options = new ParsingOptions { TrustedAuthServIds = [trusted] };
        var headers = $"""
            Authentication-Results: {stamped}; spf=pass smtp.mailfrom=hq.example.com; dmarc=pass header.from=hq.example.com
            From: report@hq.example.com
            """;

        (Judge(headers, options) is null).Should().Be(counts);
    }
}
