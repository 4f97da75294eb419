namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// The shared Exchange Online mailbox read and sent from through Microsoft Graph (section
/// <c>MailOps:Mailbox:Graph</c>, used when <c>MailOps:Mailbox:Kind</c> is <c>Graph</c>).
/// </summary>
public sealed class GraphMailboxOptions
{
    public const string Section = "MailOps:Mailbox:Graph";

    /// <summary>The Microsoft Entra tenant (its id or a verified domain).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The application (client) id of MailOps's app registration.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The shared mailbox's address, such as <c>reports@hq.example.com</c>.</summary>
    public string Mailbox { get; set; } = "";

    /// <summary>
    /// The watched folders, each read with its own delta link: a well-known name (<c>inbox</c>, <c>archive</c>), a
    /// display path from the top of the mailbox or from a well-known folder (<c>Inbox/Reports</c>, <c>Projects/2026</c>),
    /// or a folder id; default <c>inbox</c> alone. Paths are resolved once, at the first read.
    /// </summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>
    /// Deprecated for <see cref="Folders"/>: the one watched folder of earlier versions, still honoured when
    /// <see cref="Folders"/> is not set, so a service upgraded in place keeps watching what it watched. Both set is refused.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>What is watched: <see cref="Folders"/>, else <see cref="Folder"/>, else the Inbox.</summary>
    internal IReadOnlyList<string> WatchedFolders =>
        Folders.Count > 0 ? Folders : [string.IsNullOrWhiteSpace(Folder) ? GraphFolderNames.Inbox : Folder];

    /// <summary><c>Global</c> (the default) or <c>China</c> (operated by 21Vianet): decides the sign-in authority, the Graph endpoint and the token scope.</summary>
    public string Cloud { get; set; } = GraphCloud.Global;

    /// <summary>
    /// How MailOps signs in: <c>ClientSecret</c> (the default), <c>Certificate</c> (a PFX file with its password, or a
    /// thumbprint in the current user's or the machine's store), <c>ManagedIdentity</c>, <c>Default</c> (Azure.Identity's
    /// chain) or <c>TestToken</c> (a fixed bearer token, for a test server on a loopback <see cref="BaseUrl"/> only).
    /// </summary>
    public string Credential { get; set; } = GraphCredentialKinds.ClientSecret;

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string? CertificateThumbprint { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty for the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string? TestToken { get; set; }

    /// <summary>Overrides the cloud's Graph endpoint (<c>https://graph.microsoft.com/v1.0</c>, <c>https://microsoftgraph.chinacloudapi.cn/v1.0</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The first read (and a resync after an expired delta link) asks only for mail received at or after this instant; default 31 days before that read.</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>Messages per delta page (<c>Prefer: odata.maxpagesize</c>); default 100, so that with one report in ten a report message costs at most 1.1 requests (BENCHMARKS.md).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Sends per minute from this mailbox, at most 30 (Exchange Online's own limit); default 30.</summary>
    public int SendPerMinute { get; set; } = 30;

    /// <summary>Requests in flight to this mailbox at once, at most 4 (Exchange Online's limit per app and mailbox); default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;
}

/// <summary>The national clouds MailOps knows: where to sign in, where Graph is, and the scope to ask for.</summary>
public static class GraphCloud
{
    public const string Global = "Global";

    public const string China = "China";

    public static bool IsKnown(string cloud) => Is(cloud, Global) || Is(cloud, China);

    public static Uri AuthorityHost(string cloud) => Is(cloud, China) ? Azure.Identity.AzureAuthorityHosts.AzureChina : Azure.Identity.AzureAuthorityHosts.AzurePublicCloud;

    public static string GraphEndpoint(string cloud) => Is(cloud, China) ? "https://microsoftgraph.chinacloudapi.cn/v1.0" : "https://graph.microsoft.com/v1.0";

    public static string Scope(string cloud) => Is(cloud, China) ? "https://microsoftgraph.chinacloudapi.cn/.default" : "https://graph.microsoft.com/.default";

    private static bool Is(string cloud, string name) => string.Equals(cloud, name, StringComparison.OrdinalIgnoreCase);
}

public static class GraphCredentialKinds
{
    public const string ClientSecret = "ClientSecret";

    public const string Certificate = "Certificate";

    public const string ManagedIdentity = "ManagedIdentity";

    public const string Default = "Default";

    public const string TestToken = "TestToken";

    public static IReadOnlyList<string> All { get; } = [ClientSecret, Certificate, ManagedIdentity, Default, TestToken];

    public static bool Is(string? value, string kind) => string.Equals(value, kind, StringComparison.OrdinalIgnoreCase);
}
