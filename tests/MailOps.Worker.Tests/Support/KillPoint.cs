using System.ComponentModel;
using System.Diagnostics;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// A point of a process's progress to kill it at: reached when <see cref="Observe"/> has been told of
/// <see cref="Target"/> steps (a progress line, a request at the test server). Never a time: a loaded machine
/// only makes the process slower to get there. The kill is sent on the thread that observes the point, not by a
/// continuation the test's scheduler may run much later, while the process goes on working. The wait also ends
/// when the process exits first, its work done.
/// </summary>
internal sealed class KillPoint(int target)
{
    // Only against a hang: a process that reaches no point in this long is broken, not slow.
    private static readonly TimeSpan Backstop = TimeSpan.FromMinutes(3);

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _seen;
    private Process? _process;
    private bool _isReached;
    private bool _killed;

    public int Target => target;

    public void Observe()
    {
        if (Interlocked.Increment(ref _seen) == target)
        {
            lock (_gate)
            {
                _isReached = true;
                KillIfArmed();
            }

            _reached.TrySetResult();
        }
    }

    /// <summary>Kills <paramref name="process"/> (SIGKILL) once the point is reached and waits for it to be gone.</summary>
    /// <param name="describe">What the process wrote, for the message when the backstop runs out.</param>
    /// <returns>True when it was killed at the point; false when it exited before reaching it.</returns>
    public async Task<bool> KillAtAsync(Process process, Func<string> describe)
    {
        lock (_gate)
        {
            _process = process;
            if (_isReached)
            {
                KillIfArmed();
            }
        }

        var exited = process.WaitForExitAsync();
        try
        {
            await Task.WhenAny(_reached.Task, exited).WaitAsync(Backstop);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The process reached step {Volatile.Read(ref _seen)} of {target} in {Backstop} and was still running; it wrote: {describe()}");
        }

        await process.WaitForExitAsync();
        lock (_gate)
        {
            return _killed;
        }
    }

    // Under the gate: once both the point is reached and the process is known.
    private void KillIfArmed()
    {
        if (_process is not { } process || _killed)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                _killed = true;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // It exited between the question and the kill: its work was done first.
        }
    }
}
