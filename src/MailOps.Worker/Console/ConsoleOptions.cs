using MailOps.Worker.Mailboxes.Graph;

namespace MailOps.Worker.Web;

/// <summary>
/// <c>MailOps:Console</c>: the web console the running worker serves. On by default, on this machine only
/// (<c>http://127.0.0.1:6245</c>) and opened with a one-time link printed at start; listening on any other address
/// needs <see cref="Authentication"/> <see cref="ConsoleAuthentication.EntraId"/> (checked at start).
/// </summary>
public sealed class ConsoleOptions
{
    public const string Section = "MailOps:Console";

    /// <summary>The default address: loopback, and 6245 (MAIL on a phone's keypad).</summary>
    public const string DefaultUrls = "http://127.0.0.1:6245";

    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens, one or more URLs separated by <c>;</c>; port 0 takes any free port.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>How people reach the console from elsewhere (behind a reverse proxy): the base of the links MailOps prints; empty: the first of <see cref="Urls"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The base of the console links in the digest: <see cref="PublicUrl"/> with a closing <c>/</c> while the console
    /// is on; null (no links, so none dead) without a public address or with the console off.
    /// </summary>
    public Uri? MailLinkBase =>
        Enabled && PublicUrl is { Length: > 0 } publicUrl && Uri.TryCreate(publicUrl.TrimEnd('/') + "/", UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;

    public ConsoleAuthentication Authentication { get; set; } = ConsoleAuthentication.OneTimeLink;

    /// <summary>Who may act (app role, or group as the token carries it): place, accept, dismiss, judge, withdraw.</summary>
    public string ReviewerRole { get; set; } = "MailOps.Reviewer";

    /// <summary>Who may read every page and act on nothing.</summary>
    public string ReaderRole { get; set; } = "MailOps.Reader";

    /// <summary>How long a sign-in lasts without use.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    public EntraIdOptions EntraId { get; set; } = new();
}

public enum ConsoleAuthentication
{
    /// <summary>The embedded default: a random link printed at start, good once, exchanged for a sign-in cookie.</summary>
    OneTimeLink,

    /// <summary>Microsoft Entra ID sign-in (OpenID Connect, Microsoft.Identity.Web).</summary>
    EntraId,
}

/// <summary><c>MailOps:Console:EntraId</c>: the console's app registration, in the global cloud or the China cloud (21Vianet).</summary>
public sealed class EntraIdOptions
{
    public const string GlobalInstance = "https://login.microsoftonline.com/";
    public const string ChinaInstance = "https://login.partner.microsoftonline.cn/";

    /// <summary><c>Global</c> or <c>China</c>, as <c>MailOps:Mailbox:Graph:Cloud</c>; it picks <see cref="Instance"/> when that is empty.</summary>
    public string Cloud { get; set; } = GraphCloud.Global;

    /// <summary>The sign-in authority's base; empty: the cloud's own.</summary>
    public string? Instance { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret (keep it in credentials/, not appsettings.json).</summary>
    public string? ClientSecret { get; set; }

    public string CallbackPath { get; set; } = "/signin-oidc";

    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>The authority base the cloud and <see cref="Instance"/> give.</summary>
    public string EffectiveInstance =>
        Instance is { Length: > 0 } instance ? instance : GraphCloud.AuthorityHost(Cloud) == Azure.Identity.AzureAuthorityHosts.AzureChina ? ChinaInstance : GlobalInstance;
}
