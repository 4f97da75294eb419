using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// How MailOps signs in to Microsoft Graph, made once a process from <see cref="GraphMailboxOptions"/> and shared by
/// every Graph client (the mailbox, the calendar feed), so they share one credential and its token cache. With
/// <c>Credential=Certificate</c> it holds the <see cref="Certificate"/> the credential signs with: the expiry warning
/// reads that object, so it speaks of the certificate in use (one renewed on disk takes effect, and stops the
/// warning, at the next start).
/// </summary>
internal sealed class GraphSignIn : IDisposable
{
    private readonly GraphMailboxOptions _options;
    private readonly TokenCredential? _credential;

    private GraphSignIn(GraphMailboxOptions options, X509Certificate2? certificate)
    {
        _options = options;
        Certificate = certificate;
        _credential = GraphCredentialKinds.Is(options.Credential, GraphCredentialKinds.TestToken) ? null : Credential(options, certificate);
    }

    /// <summary>The certificate the credential signs with; null for every other kind of credential.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The sign-in for these options; the certificate, if any, is loaded here.</summary>
    /// <exception cref="MailboxAccessException">The certificate cannot be loaded: the message is the one sentence the options validator gives, naming the key and the file.</exception>
    public static GraphSignIn For(GraphMailboxOptions options)
    {
        if (!GraphCredentialKinds.Is(options.Credential, GraphCredentialKinds.Certificate))
        {
            return new GraphSignIn(options, null);
        }

        // The validator loaded it at start too; one removed or replaced since is still named, never signed in without.
        var (certificate, problem) = GraphCertificate.Load(options);
        return new GraphSignIn(options, certificate ?? throw new MailboxAccessException(problem!));
    }

    /// <summary>Bearer tokens for requests to <paramref name="baseUrl"/>'s host, in the options' cloud.</summary>
    public IAuthenticationProvider AuthenticationFor(Uri baseUrl) => _credential is null
        ? new BaseBearerTokenAuthenticationProvider(new TestTokenProvider(_options.TestToken!, baseUrl.Host))
        : new AzureIdentityAuthenticationProvider(_credential, [baseUrl.Host], null, true, GraphCloud.Scope(_options.Cloud));

    public void Dispose() => Certificate?.Dispose();

    private static TokenCredential Credential(GraphMailboxOptions o, X509Certificate2? certificate)
    {
        var authority = GraphCloud.AuthorityHost(o.Cloud);
        if (GraphCredentialKinds.Is(o.Credential, GraphCredentialKinds.ClientSecret))
        {
            return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = authority });
        }

        if (certificate is not null)
        {
            return new ClientCertificateCredential(o.TenantId, o.ClientId, certificate, new ClientCertificateCredentialOptions { AuthorityHost = authority });
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
}
