namespace MailOps.Worker.Sending;

/// <summary>
/// Lets at most a given number of sends happen in any 60 seconds: a bucket of that many tokens, each held for the
/// whole send and coming back one minute after the send finished (not refilled at an even rate, which would let
/// twice as many through a minute that straddles a refill). Two sends paid by one token are therefore at least a
/// minute apart, however long each took. Waits on the injected clock.
/// </summary>
internal sealed class PerMinuteGate(int perMinute, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _tokens = new(perMinute, perMinute);
    private readonly HashSet<ITimer> _returning = [];

    /// <summary>Waits for a token; dispose the lease when the send is over (sent or not) to start its minute.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _tokens.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(this);
    }

    public void Dispose()
    {
        lock (_returning)
        {
            foreach (var timer in _returning)
            {
                timer.Dispose();
            }

            _returning.Clear();
        }

        _tokens.Dispose();
    }

    private void ReturnInAMinute()
    {
        lock (_returning)
        {
            ITimer? timer = null;
            timer = time.CreateTimer(
                _ =>
                {
                    lock (_returning)
                    {
                        if (!_returning.Remove(timer!))
                        {
                            return;
                        }

                        timer!.Dispose();
                    }

                    _tokens.Release();
                },
                null,
                Window,
                Timeout.InfiniteTimeSpan);
            _returning.Add(timer);
        }
    }

    private sealed class Lease(PerMinuteGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.ReturnInAMinute();
            }
        }
    }
}
