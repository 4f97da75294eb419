using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MailOps.Worker.Actions;
using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Actions;

/// <summary>
/// With a signing key, the digest a reviewer receives offers on each held message its actions by mail: accept and
/// dismiss for a report held for an unauthenticated sender, dismiss (and what parsing recognised, when owed) for the
/// rest; each a <c>mailto:</c> to the watched mailbox, percent-encoded as RFC 6068 asks and HTML-escaped in the href,
/// whose token is good for that very message. Anyone else's digest, and every digest without a key, has none.
/// </summary>
public sealed partial class MailActionLinksTests : IDisposable
{
    private const string Mailbox = "reports@hq.example.com";
    private const string Reviewer = "zhou.min@hq.example.com";
    private const string Other = "cs-dl@hq.example.com";

    private static readonly TemplateRenderer Renderer = new(ShippedSettings.Templates);

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(At("2026-11-24 09:00"));
    private readonly MailActionOptions _options = new() { SigningKey = "k3Jd8s0Qw2mZ7yXv1Lr5Tn9Pb4Hc6Fa0Ge2Uo8Ii4E=", Reviewers = [Reviewer] };
    private readonly MailStore _store;

    public MailActionLinksTests()
    {
        _store = MailStore.Open(_folder["mailops.db"], _time);
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("daily-1@callcenter.example.com").Replace("X-MS-Exchange-Organization-AuthAs: Internal\r\n", "", StringComparison.Ordinal));
        Eml.Drop(_folder["inbox"], "2.eml", Eml.CrmDaily("crm-1@cq.example.com"));
        new Ingestor(new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"] }, _time), _store, ShippedRegime.Parser)
            .IngestAsync(default).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Queue_TheReviewersDigest_OffersEachHeldMessagesActions_AndNoOneElses(string language)
    {
        Queue(language, _options);

        var mine = Actions(Digest(Reviewer).HtmlBody!);
        mine.Select(a => (a.Kind, a.MessageId)).Should().BeEquivalentTo(new[] { (MailActionKind.Accept, "1.eml"), (MailActionKind.Dismiss, "1.eml"), (MailActionKind.Dismiss, "2.eml") });
        Digest(Other).HtmlBody.Should().NotContain("mailto:", "only a reviewer's action is applied, so only a reviewer's digest offers one");
    }

    [Fact]
    public void Queue_TheLinks_AreMailtoTheMailbox_EscapedAsRfc6068Asks_AndEscapedAgainForHtml()
    {
        Queue("zh", _options);
        var digest = Digest(Reviewer);

        var href = Hrefs(digest.HtmlBody!).Single(h => h.Contains("%20accept%20", StringComparison.Ordinal));
        href.Should().StartWith("mailto:reports@hq.example.com?subject=%5BMailOps%5D%20accept%20").And.Contain("&amp;body=%E8%AF%B7%E5%8B%BF", "in an attribute & is &amp;");
        var link = WebUtility.HtmlDecode(href);
        link.Should().NotContainAny(" ", "+", "\n", "&amp;");
        digest.TextBody.Should().Contain(link, "the text part carries the same link, unescaped for HTML");
        ActionMail.Read(Uri.UnescapeDataString(Regex.Match(link, "subject=([^&]*)").Groups[1].Value)).Should().NotBeNull();
    }

    [Fact]
    public void Queue_WithoutASigningKey_NoDigestOffersActionsByMail()
    {
        Queue("zh", new MailActionOptions { Reviewers = [Reviewer] });

        Digest(Reviewer).HtmlBody.Should().NotContain("mailto:");
        Digest(Reviewer).TextBody.Should().NotContain("mailto:").And.NotContain("以邮件处理");
    }

    // The actions a digest's HTML offers, each checked against the message its token is for.
    private List<(MailActionKind Kind, string MessageId)> Actions(string html)
    {
        var signer = new ActionSigner(_options.KeyBytes);
        var held = _store.AllOutcomes().Select(o => o.Id).ToList();
        return [.. Hrefs(html).Select(href =>
        {
            var subject = Uri.UnescapeDataString(Regex.Match(WebUtility.HtmlDecode(href), "subject=([^&]*)").Groups[1].Value);
            var claim = ActionMail.Read(subject)!;
            var token = ActionSigner.Read(claim.Token)!;
            var id = held.Single(id => signer.Check(token, claim.Kind, id, _time.GetUtcNow()) == TokenVerdict.Valid);
            return (claim.Kind, id);
        })];
    }

    private static IEnumerable<string> Hrefs(string html) => MailtoHref().Matches(html).Select(m => m.Groups[1].Value);

    private void Queue(string language, MailActionOptions actions)
    {
        var notifications = ShippedSettings.Notifications();
        notifications.Language = language;
        var notifier = new Notifier(ShippedRegime.Regime, notifications, ShippedSettings.Assessment(), Renderer, Mailbox, actions: actions);
        notifier.Queue(_store, new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment()).Judge(_store, _time.GetUtcNow()), []).Digests.Should().Be(2);
    }

    private MimeMessage Digest(string recipient) => MimeMessage.Load(new MemoryStream(_store.Notification($"digest/2026-11-24/{recipient}")!.Mime));

    [GeneratedRegex("href=\"(mailto:[^\"]*)\"")]
    private static partial Regex MailtoHref();

    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
