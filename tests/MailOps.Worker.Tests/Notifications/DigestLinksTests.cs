using System.Globalization;
using System.Net;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;
using MailOps.Worker.Web;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>
/// With <c>MailOps:Console:PublicUrl</c>, each fault row of the digest links to its obligation's console page and each
/// held message (triage, unauthenticated) to its section of the triage page, in the HTML and in the text; without it,
/// the digest links nowhere. Keys are escaped: an event's period id may hold ':' '@' '#'.
/// </summary>
public sealed class DigestLinksTests
{
    private const string PublicUrl = "https://mailops.hq.example.com/console";
    private const string HeldId = "<held-1@cq.example.com>";
    private const string UnauthenticatedId = "<forged#2@cs.example.com>";

    private static readonly TemplateRenderer Renderer = new(ShippedSettings.Templates);

    // An overdue report of an event whose period id holds ':' '@' '#', and two messages held, all since the last digest.
    private static readonly Obligation Event = new(
        "callcenter-daily", "callcenter", new Period("event:2026-11@wuxi#3", new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)),
        At("2026-11-23 21:00"), At("2026-11-23 09:00"));

    private const string EventPage = PublicUrl + "/obligation/callcenter-daily/callcenter/event%3A2026-11%40wuxi%233";

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void RenderDigest_WithThePublicUrl_LinksTheFaultToItsObligationAndEachHeldMessageToItsTriageSection(string language)
    {
        var mail = Render(language, PublicUrl);

        var triage = PublicUrl + "/triage#" + Links.Anchor(HeldId);
        var unauthenticated = PublicUrl + "/triage#" + Links.Anchor(UnauthenticatedId);
        mail.Html.Should().Contain($"<a href=\"{EventPage}\"").And.Contain($"<a href=\"{triage}\"").And.Contain($"<a href=\"{unauthenticated}\"");
        Occurrences(mail.Html, "<a href=").Should().Be(3, "one link a row, and none elsewhere");
        mail.Text.Should().Contain($"\n  {EventPage}\n").And.Contain($"\n  {triage}\n").And.Contain($"\n  {unauthenticated}\n");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void RenderDigest_WithoutThePublicUrl_LinksNowhere(string language)
    {
        var mail = Render(language, publicUrl: null);

        mail.Html.Should().NotContain("<a ").And.NotContain("/obligation/").And.NotContain("/triage");
        mail.Text.Should().NotContain("http").And.NotContain("/obligation/").And.NotContain("/triage");
        WebUtility.HtmlDecode(mail.Html).Should().Contain(HeldSubject, "the rows are there, only unlinked");
    }

    [Theory]
    [InlineData("https://mailops.hq.example.com/console/", "callcenter-daily/callcenter/2026-11-23", "https://mailops.hq.example.com/console/obligation/callcenter-daily/callcenter/2026-11-23")]
    [InlineData("https://mailops.hq.example.com/", "flash/cs-crm/event:2026-11@wuxi#3", "https://mailops.hq.example.com/obligation/flash/cs-crm/event%3A2026-11%40wuxi%233")]
    [InlineData("https://mailops.hq.example.com/", "flash/cs-crm/a/b?c=d", "https://mailops.hq.example.com/obligation/flash/cs-crm/a%2Fb%3Fc%3Dd")]
    public void Absolute_AnObligationsPage_StaysUnderTheBaseWithEveryPartOfTheKeyEscaped(string publicBase, string key, string expected)
    {
        Links.Absolute(new Uri(publicBase), Links.Obligation(key)).Should().Be(expected);
    }

    [Fact]
    public void Triage_AMessageIdWithHashAndAt_IsOneFragmentOfHexDigits()
    {
        var link = Links.Absolute(new Uri("https://mailops.hq.example.com/"), Links.Triage(UnauthenticatedId));

        link.Should().MatchRegex("^https://mailops\\.hq\\.example\\.com/triage#m-[0-9a-f]{16}$");
        Links.Anchor(UnauthenticatedId).Should().Be(Links.Anchor(UnauthenticatedId)).And.NotBe(Links.Anchor(HeldId));
    }

    [Theory]
    [InlineData(true, "https://mailops.hq.example.com/console", "https://mailops.hq.example.com/console/")]
    [InlineData(true, "https://mailops.hq.example.com/", "https://mailops.hq.example.com/")]
    [InlineData(true, null, null)]
    [InlineData(true, "", null)]
    [InlineData(false, "https://mailops.hq.example.com/", null)]
    public void MailLinkBase_IsThePublicUrlOnlyWhileTheConsoleIsOn(bool enabled, string? publicUrl, string? expected)
    {
        (new ConsoleOptions { Enabled = enabled, PublicUrl = publicUrl }.MailLinkBase?.AbsoluteUri).Should().Be(expected);
    }

    private const string HeldSubject = "【日报】重庆城市公司交付周边日报";

    private static RenderedMail Render(string language, string? publicUrl)
    {
        var options = ShippedSettings.Notifications();
        options.Language = language;
        var console = new ConsoleOptions { PublicUrl = publicUrl }.MailLinkBase;
        var notifier = new Notifier(ShippedRegime.Regime, options, ShippedSettings.Assessment(), Renderer, "reports@hq.example.com", console);
        var snapshot = Snapshot.Empty(At("2026-11-24 09:00")) with
        {
            Results = [new ObligationResult(Event, ObligationStatus.Overdue, 0, 5, [], null)],
            Triage = [new TriageLine(HeldId, "yang.xue@cq.example.com", HeldSubject, At("2026-11-23 15:00"), "ambiguous", new LocalizedText("", ""))],
            Unauthenticated = [new TriageLine(UnauthenticatedId, "wang.fang@cs.example.com", "【周报】长沙", At("2026-11-23 16:00"), "unauthenticated-sender", new LocalizedText("", ""))],
        };
        return notifier.RenderDigest(notifier.BuildDigest(snapshot, At("2026-11-23 09:00"), []));
    }

    private static int Occurrences(string text, string value) =>
        text.Split(value).Length - 1;

    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
