namespace MailOps.Worker.Sending;

/// <summary>
/// Lets at most a given number of callers through in any 60 seconds: a bucket of that many tokens, each coming back
/// one minute after it was spent (not refilled at an even rate, which would let twice as many through a minute
/// that straddles a refill). Waits on the injected clock.
/// </summary>
internal sealed class PerMinuteGate(int perMinute, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _spent = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            while (_spent.Count > 0 && now - _spent.Peek() >= Window)
            {
                _spent.Dequeue();
            }

            if (_spent.Count >= perMinute)
            {
                await Task.Delay(_spent.Dequeue() + Window - now, time, cancellationToken).ConfigureAwait(false);
            }

            _spent.Enqueue(time.GetUtcNow());
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
