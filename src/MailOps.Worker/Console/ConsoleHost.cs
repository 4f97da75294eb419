using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Web;

/// <summary>
/// Serves the console from the worker's own process: a Kestrel web application built at start over the worker's
/// singletons (<see cref="ConsoleContext"/>), started before the worker beats and stopped after it. On the one-time
/// link it prints the link once listening; an address it cannot listen on stops MailOps with exit 78 naming the
/// setting.
/// </summary>
internal sealed partial class ConsoleHost(
    IServiceProvider worker,
    IOptions<ConsoleOptions> options,
    IHostEnvironment environment,
    Microsoft.Extensions.Configuration.IConfiguration configuration,
    ILoggerFactory loggers,
    IEnumerable<ConsoleCustomization> customizations) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<ConsoleHost>();
    private WebApplication? _app;

    public OneTimeLink Link { get; } = OneTimeLink.Create();

    /// <summary>Where the console listens, once started (port 0 resolved).</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    /// <summary>The console's base for people: <see cref="ConsoleOptions.PublicUrl"/>, or the first address listened on.</summary>
    public Uri? BaseUrl => options.Value.PublicUrl is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : (Addresses.Count > 0 ? Addresses[0] : null);

    /// <summary>The console's own services once started (its sign-in's options, its anti-forgery), for tests.</summary>
    internal IServiceProvider? WebServices => _app?.Services;

    public Uri? SignInLink => BaseUrl is { } b && options.Value.Authentication == ConsoleAuthentication.OneTimeLink ? new Uri(b, $"signin?token={Link.Token}") : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        var app = ConsoleApp.Build(new ConsoleContext(worker), o, Link, environment, configuration, loggers, customizations);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new OptionsValidationException(ConsoleOptions.Section, typeof(ConsoleOptions), [$"{ConsoleOptions.Section}:Urls \"{o.Urls}\" cannot be listened on: {ex.Message}; choose another port (or port 0 for any free one), or set {ConsoleOptions.Section}:Enabled to false."]);
        }

        _app = app;
        Addresses = [.. (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a.TrimEnd('/') + "/"))];
        if (SignInLink is { } link)
        {
            LogOneTimeLink(_logger, link);
        }
        else
        {
            LogListening(_logger, BaseUrl);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Console: open {Link} in a browser on this machine (good once; a new link at every start)")]
    private static partial void LogOneTimeLink(ILogger logger, Uri link);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Console: listening at {Url}, signing in with Entra ID")]
    private static partial void LogListening(ILogger logger, Uri? url);
}

/// <summary>A last say over the console's web application before it is built (tests stand a test sign-in in for Entra ID's).</summary>
internal sealed record ConsoleCustomization(Action<WebApplicationBuilder> Configure);
