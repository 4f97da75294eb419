using System.Net;
using MailOps.Worker.Mailboxes.Graph;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Web;

/// <summary>
/// Checks <see cref="ConsoleOptions"/> at start, naming each bad setting by its key and value and what to write
/// instead. Above all: the console never listens beyond this machine without Entra ID sign-in.
/// </summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    private const string S = ConsoleOptions.Section;

    public ValidateOptionsResult Validate(string? name, ConsoleOptions options) =>
        options.Enabled ? Check(options) : ValidateOptionsResult.Skip;

    public static ValidateOptionsResult Check(ConsoleOptions o)
    {
        var failures = new List<string>();
        var urls = Urls(o.Urls, failures);
        var entra = o.Authentication == ConsoleAuthentication.EntraId;
        if (!entra && urls.FirstOrDefault(u => !IsLoopback(u)) is { } open)
        {
            failures.Add($"{S}:Urls \"{o.Urls}\" would listen on {open.Host}, beyond this machine, with no sign-in but a one-time link; listen on http://127.0.0.1:PORT, or set {S}:Authentication to EntraId with {S}:EntraId:TenantId, ClientId and ClientSecret.");
        }

        if (o.PublicUrl is { Length: > 0 } publicUrl && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{S}:PublicUrl \"{publicUrl}\" is not an http(s) URL; write the address people open, such as https://mailops.hq.example.com.");
        }

        if (string.IsNullOrWhiteSpace(o.ReviewerRole) || string.IsNullOrWhiteSpace(o.ReaderRole))
        {
            failures.Add($"{S}:ReviewerRole \"{o.ReviewerRole}\" and {S}:ReaderRole \"{o.ReaderRole}\" must both name an app role or group, such as MailOps.Reviewer and MailOps.Reader.");
        }

        if (o.SessionIdleTimeout < TimeSpan.FromMinutes(1) || o.SessionIdleTimeout > TimeSpan.FromDays(7))
        {
            failures.Add($"{S}:SessionIdleTimeout \"{o.SessionIdleTimeout}\" is not from 00:01:00 to 7.00:00:00; write a duration such as 08:00:00.");
        }

        if (entra)
        {
            CheckEntraId(o.EntraId, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEntraId(EntraIdOptions e, List<string> failures)
    {
        const string E = S + ":EntraId";
        void Require(string? value, string key, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{E}:{key} is empty; Authentication=EntraId needs {what}.");
            }
        }

        if (!GraphCloud.IsKnown(e.Cloud))
        {
            failures.Add($"{E}:Cloud \"{e.Cloud}\" is not a cloud MailOps knows; use Global or China (operated by 21Vianet).");
        }

        if (e.Instance is { Length: > 0 } instance && (!Uri.TryCreate(instance, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{E}:Instance \"{instance}\" is not an https URL; leave it empty for the cloud's own ({EntraIdOptions.GlobalInstance} or {EntraIdOptions.ChinaInstance}).");
        }

        Require(e.TenantId, "TenantId", "the tenant's id or domain");
        Require(e.ClientId, "ClientId", "the console's app registration's application (client) id");
        Require(e.ClientSecret, "ClientSecret", "the app registration's client secret (in credentials/MailOps__Console__EntraId__ClientSecret, not appsettings.json)");
        foreach (var (key, path) in new[] { ("CallbackPath", e.CallbackPath), ("SignedOutCallbackPath", e.SignedOutCallbackPath) })
        {
            if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
            {
                failures.Add($"{E}:{key} \"{path}\" must be a path starting with /, such as /signin-oidc, as registered with the app.");
            }
        }
    }

    // Each URL of a ;-separated list, or a failure naming the one that is not a URL.
    private static List<Uri> Urls(string text, List<string> failures)
    {
        var urls = new List<Uri>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards (http://*:80, http://+:80) are no host Uri accepts; they mean every address.
            var parsed = part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (Uri.TryCreate(parsed, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                urls.Add(url);
            }
            else
            {
                failures.Add($"{S}:Urls \"{part}\" is not an http(s) URL; write one such as {ConsoleOptions.DefaultUrls} (port 0 takes any free port).");
            }
        }

        if (urls.Count == 0 && failures.Count == 0)
        {
            failures.Add($"{S}:Urls \"{text}\" names no address; write one such as {ConsoleOptions.DefaultUrls}, or set {S}:Enabled to false.");
        }

        return urls;
    }

    public static bool IsLoopback(Uri url) =>
        string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
