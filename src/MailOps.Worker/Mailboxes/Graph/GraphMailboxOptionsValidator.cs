using System.Net;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Checks <see cref="GraphMailboxOptions"/> at start-up when the Graph mailbox is chosen, naming each bad setting by
/// its key and saying what it needs.
/// </summary>
internal sealed class GraphMailboxOptionsValidator(IOptions<MailboxOptions> mailbox) : IValidateOptions<GraphMailboxOptions>
{
    private const string S = GraphMailboxOptions.Section;

    public ValidateOptionsResult Validate(string? name, GraphMailboxOptions options) =>
        mailbox.Value.IsGraph ? Check(options) : ValidateOptionsResult.Skip;

    public static ValidateOptionsResult Check(GraphMailboxOptions o)
    {
        var failures = new List<string>();
        void Require(string? value, string key, string why)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{S}:{key} is empty; {why}.");
            }
        }

        Require(o.Mailbox, "Mailbox", "it must be the shared mailbox's address, such as reports@hq.example.com");
        if (!string.IsNullOrWhiteSpace(o.Mailbox) && !MimeKit.MailboxAddress.TryParse(o.Mailbox, out _))
        {
            failures.Add($"{S}:Mailbox \"{o.Mailbox}\" is not an email address.");
        }

        CheckFolders(o, failures);
        if (!GraphCloud.IsKnown(o.Cloud))
        {
            failures.Add($"{S}:Cloud \"{o.Cloud}\" is not a cloud MailOps knows; use {GraphCloud.Global} or {GraphCloud.China} (operated by 21Vianet).");
        }

        var baseUrl = CheckBaseUrl(o.BaseUrl, failures);
        CheckCredential(o, baseUrl, failures, Require);

        if (o.PageSize is < 1 or > 1000)
        {
            failures.Add($"{S}:PageSize {o.PageSize} must be from 1 to 1000.");
        }

        if (o.SendPerMinute is < 1 or > 30)
        {
            failures.Add($"{S}:SendPerMinute {o.SendPerMinute} must be from 1 to 30 (Exchange Online accepts at most 30 messages a minute from a mailbox).");
        }

        if (o.MaxConcurrency is < 1 or > 4)
        {
            failures.Add($"{S}:MaxConcurrency {o.MaxConcurrency} must be from 1 to 4 (Exchange Online serves at most 4 concurrent requests per app and mailbox).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFolders(GraphMailboxOptions o, List<string> failures)
    {
        if (o.Folders.Count > 0 && !string.IsNullOrWhiteSpace(o.Folder))
        {
            failures.Add($"{S}:Folder \"{o.Folder}\" and {S}:Folders are both set; {S}:Folder is the deprecated single folder: list every watched folder in {S}:Folders ({S}:Folders:0, {S}:Folders:1 ...) and remove {S}:Folder.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < o.Folders.Count; i++)
        {
            var folder = o.Folders[i];
            if (string.IsNullOrWhiteSpace(folder))
            {
                failures.Add($"{S}:Folders:{i} is empty; name a folder: a well-known name such as inbox, a path such as Inbox/Reports, or a folder id.");
            }
            else if (GraphFolderNames.Segments(folder).Any(string.IsNullOrEmpty))
            {
                failures.Add($"{S}:Folders:{i} \"{folder}\" has an empty step; write a path as folder names joined by single slashes, such as Inbox/Reports.");
            }
            else if (!seen.Add(GraphFolderNames.Normalized(folder)))
            {
                failures.Add($"{S}:Folders:{i} \"{folder}\" is listed twice; list each folder once.");
            }
        }

        if (o.Folder is { } single && o.Folders.Count == 0 && single.Length > 0 && GraphFolderNames.Segments(single).Any(string.IsNullOrEmpty))
        {
            failures.Add($"{S}:Folder \"{single}\" has an empty step; write a path as folder names joined by single slashes, such as Inbox/Reports (and prefer {S}:Folders:0).");
        }
    }

    private static Uri? CheckBaseUrl(string? text, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{S}:BaseUrl \"{text}\" is not an http(s) URL.");
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            failures.Add($"{S}:BaseUrl \"{text}\" must use https unless it is a loopback address (a token would travel in clear).");
        }

        return url;
    }

    private static void CheckCredential(GraphMailboxOptions o, Uri? baseUrl, List<string> failures, Action<string?, string, string> require)
    {
        var kind = o.Credential;
        if (!GraphCredentialKinds.All.Any(k => GraphCredentialKinds.Is(kind, k)))
        {
            failures.Add($"{S}:Credential \"{kind}\" is not a credential kind; use one of {string.Join(", ", GraphCredentialKinds.All)}.");
            return;
        }

        if (GraphCredentialKinds.Is(kind, GraphCredentialKinds.ClientSecret) || GraphCredentialKinds.Is(kind, GraphCredentialKinds.Certificate))
        {
            require(o.TenantId, "TenantId", $"Credential={kind} needs the tenant's id or domain");
            require(o.ClientId, "ClientId", $"Credential={kind} needs the app registration's application (client) id");
        }

        if (GraphCredentialKinds.Is(kind, GraphCredentialKinds.ClientSecret))
        {
            require(o.ClientSecret, "ClientSecret", "Credential=ClientSecret needs the app registration's client secret (keep it in user secrets or the environment, not appsettings.json)");
        }
        else if (GraphCredentialKinds.Is(kind, GraphCredentialKinds.Certificate))
        {
            var hasPath = !string.IsNullOrWhiteSpace(o.CertificatePath);
            var hasThumbprint = !string.IsNullOrWhiteSpace(o.CertificateThumbprint);
            if (hasPath == hasThumbprint)
            {
                failures.Add($"{S}:CertificatePath and {S}:CertificateThumbprint: Credential=Certificate needs exactly one of them (a PFX file, or a certificate in the store).");
            }
            else if (hasPath && !File.Exists(o.CertificatePath))
            {
                failures.Add($"{S}:CertificatePath \"{o.CertificatePath}\" does not exist.");
            }
            else if (GraphCertificate.Problem(o) is { } problem)
            {
                // Loaded now, so that a certificate MailOps cannot sign in with stops it at start rather than at the first beat.
                failures.Add(problem);
            }
        }
        else if (GraphCredentialKinds.Is(kind, GraphCredentialKinds.TestToken))
        {
            require(o.TestToken, "TestToken", "Credential=TestToken needs the token to send");
            if (baseUrl is null || !IsLoopback(baseUrl))
            {
                failures.Add($"{S}:Credential=TestToken is refused unless {S}:BaseUrl is a loopback address (a test server on this machine); it was \"{o.BaseUrl}\".");
            }
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
