namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Lets at most a given number of requests be in flight at once. It sits innermost in the Graph client's pipeline,
/// under the retry handler, so a request waiting out a <c>Retry-After</c> does not hold a place.
/// </summary>
internal sealed class ConcurrencyLimitHandler(int limit) : DelegatingHandler
{
    private readonly SemaphoreSlim _places = new(limit, limit);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _places.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // The place is held until the body is read: Graph counts a request until its response is whole.
            if (response.Content is { } content)
            {
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        finally
        {
            _places.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _places.Dispose();
        }

        base.Dispose(disposing);
    }
}
