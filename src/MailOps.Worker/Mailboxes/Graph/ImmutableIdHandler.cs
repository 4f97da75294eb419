namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Adds <c>Prefer: IdType="ImmutableId"</c> to every request: the header applies only to the request that carries
/// it, and an id that changed when a message moved folder (or a draft was sent) would defeat the store's keys.
/// </summary>
internal sealed class ImmutableIdHandler : DelegatingHandler
{
    public const string Preference = "IdType=\"ImmutableId\"";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("Prefer", out var values) || !values.Any(v => v.Contains("IdType", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation("Prefer", Preference);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
