using System.Diagnostics;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// A point of a process's progress to kill it at: reached when <see cref="Observe"/> has been told of
/// <see cref="Target"/> steps (a progress line, a request at the test server). Never a time: a loaded machine
/// only makes the process slower to get there. The wait also ends when the process exits first, its work done.
/// </summary>
internal sealed class KillPoint(int target)
{
    // Only against a hang: a process that reaches no point in this long is broken, not slow.
    private static readonly TimeSpan Backstop = TimeSpan.FromMinutes(3);

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _seen;

    public int Target => target;

    public void Observe()
    {
        if (Interlocked.Increment(ref _seen) == target)
        {
            _reached.TrySetResult();
        }
    }

    /// <summary>Kills <paramref name="process"/> (SIGKILL) once the point is reached and waits for it to be gone.</summary>
    /// <param name="describe">What the process wrote, for the message when the backstop runs out.</param>
    /// <returns>True when it was killed at the point; false when it exited before reaching it.</returns>
    public async Task<bool> KillAtAsync(Process process, Func<string> describe)
    {
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

        var killed = _reached.Task.IsCompleted && !process.HasExited;
        if (killed)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        return killed;
    }
}
