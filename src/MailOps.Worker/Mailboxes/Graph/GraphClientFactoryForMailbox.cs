using Microsoft.Graph;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Builds a <see cref="GraphServiceClient"/> for one mailbox: the SDK's default pipeline (its retry handler honours
/// <c>Retry-After</c> on 429 and 503, and is the only retry MailOps has), then immutable ids and the concurrency
/// limit innermost, and the shared <see cref="GraphSignIn"/> for the chosen cloud.
/// </summary>
internal static class GraphClientFactoryForMailbox
{
    public static GraphServiceClient Create(GraphMailboxOptions options, GraphSignIn signIn, HttpMessageHandler? transport = null)
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
        return new GraphServiceClient(http, signIn.AuthenticationFor(new Uri(baseUrl)), baseUrl);
    }
}
