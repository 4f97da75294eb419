using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Builds the <see cref="GraphServiceClient"/> for one mailbox: the SDK's default pipeline (its retry handler honours
/// <c>Retry-After</c> on 429 and 503, and is the only retry MailOps has), then immutable ids and the concurrency
/// limit innermost, and a credential for the chosen cloud.
/// </summary>
internal static class GraphClientFactoryForMailbox
{
    public static GraphServiceClient Create(GraphMailboxOptions options, HttpMessageHandler? transport = null)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.BaseUrl) ? GraphCloud.GraphEndpoint(options.Cloud) : options.BaseUrl.TrimEnd('/');
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new ImmutableIdHandler());
        handlers.Add(new ConcurrencyLimitHandler(options.MaxConcurrency));
        var nationalCloud = GraphCloud.IsKnown(options.Cloud) && string.Equals(options.Cloud, GraphCloud.China, StringComparison.OrdinalIgnoreCase)
            ? GraphClientFactory.China_Cloud
            : GraphClientFactory.Global_Cloud;
        var http = GraphClientFactory.Create(handlers, "v1.0", nationalCloud, proxy: null, finalHandler: transport ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        http.Timeout = TimeSpan.FromMinutes(2);
        return new GraphServiceClient(http, Authentication(options, new Uri(baseUrl)), baseUrl);
    }

    private static IAuthenticationProvider Authentication(GraphMailboxOptions options, Uri baseUrl)
    {
        if (GraphCredentialKinds.Is(options.Credential, GraphCredentialKinds.TestToken))
        {
            return new BaseBearerTokenAuthenticationProvider(new TestTokenProvider(options.TestToken!, baseUrl.Host));
        }

        return new AzureIdentityAuthenticationProvider(Credential(options), [baseUrl.Host], null, true, GraphCloud.Scope(options.Cloud));
    }

    private static TokenCredential Credential(GraphMailboxOptions o)
    {
        var authority = GraphCloud.AuthorityHost(o.Cloud);
        if (GraphCredentialKinds.Is(o.Credential, GraphCredentialKinds.ClientSecret))
        {
            return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = authority });
        }

        if (GraphCredentialKinds.Is(o.Credential, GraphCredentialKinds.Certificate))
        {
            return new ClientCertificateCredential(o.TenantId, o.ClientId, Certificate(o), new ClientCertificateCredentialOptions { AuthorityHost = authority });
        }

        if (GraphCredentialKinds.Is(o.Credential, GraphCredentialKinds.ManagedIdentity))
        {
            return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            AuthorityHost = authority,
            TenantId = string.IsNullOrWhiteSpace(o.TenantId) ? null : o.TenantId,
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ManagedIdentityClientId) ? null : o.ManagedIdentityClientId,
        });
    }

    // The validator has loaded it once at start; a certificate removed since then is still named, not a stack trace.
    private static X509Certificate2 Certificate(GraphMailboxOptions o)
    {
        var (certificate, problem) = GraphCertificate.Load(o);
        return certificate ?? throw new MailboxAccessException(problem!);
    }
}
