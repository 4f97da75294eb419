namespace MailOps.Worker.Tests.Graph;

/// <summary>A failure the Graph test server can answer a request with instead of serving it.</summary>
internal enum GraphFault
{
    /// <summary>429 Too Many Requests with <c>Retry-After</c>.</summary>
    Throttle,

    /// <summary>503 Service Unavailable with <c>Retry-After</c>.</summary>
    Unavailable,

    /// <summary>The connection is aborted before anything is answered.</summary>
    Drop,

    /// <summary>A send is carried out, then the connection is aborted before the 202: the client cannot know it was sent.</summary>
    DropAfterSend,
}

/// <summary>
/// What the Graph test server gets wrong on purpose. <see cref="Rate"/> of requests (chosen with a seeded random, so a
/// run is repeatable) fail with one of <see cref="Kinds"/>; faults queued with <see cref="GraphTestServer.FailNext"/>
/// come first.
/// </summary>
internal sealed record GraphFaults
{
    public static GraphFaults None { get; } = new();

    public double Rate { get; init; }

    public IReadOnlyList<GraphFault> Kinds { get; init; } = [GraphFault.Throttle, GraphFault.Unavailable, GraphFault.Drop];

    /// <summary>The <c>Retry-After</c> of 429 and 503 answers, in whole seconds as Graph sends it.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.Zero;

    /// <summary>Every answer waits this long first.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public int Seed { get; init; } = 20261124;
}
