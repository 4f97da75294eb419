using Microsoft.Kiota.Abstractions.Authentication;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>A fixed bearer token for a test server on this machine; the options validator refuses it for any other host.</summary>
internal sealed class TestTokenProvider(string token, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
}
