namespace MailOps.Worker.Running;

/// <summary>
/// Lets the deadline watch beat the worker's pulse at a deadline. Until the worker has checked its store and
/// templates and handed its pulse over (and in commands that run no worker), a deadline only gets logged.
/// </summary>
internal sealed class Beat
{
    private Func<string, CancellationToken, Task>? _beat;

    public void Attach(Func<string, CancellationToken, Task> beat) => _beat = beat;

    public Task AtDeadlineAsync(CancellationToken stoppingToken) => _beat?.Invoke("deadline", stoppingToken) ?? Task.CompletedTask;
}
