using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Tests.Support;

/// <summary>A logger provider that keeps every formatted message, so a test can wait for one.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    // Only against a hang: the wait ends as soon as the message is logged, however busy the machine.
    private static readonly TimeSpan Backstop = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<string> _messages = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _logged = NewSignal();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    /// <summary>Waits until a message containing <paramref name="text"/> is logged, woken by each message logged.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        using var backstop = new CancellationTokenSource(Backstop);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                next = _logged.Task;
            }

            var found = _messages.FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            try
            {
                await next.WaitAsync(backstop.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No log message containing \"{text}\" in {Backstop}; logged: {string.Join(" | ", _messages)}");
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages containing <paramref name="text"/> are logged; returns them in order.</summary>
    public async Task<IReadOnlyList<string>> WaitForCountAsync(string text, int count)
    {
        using var backstop = new CancellationTokenSource(Backstop);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                next = _logged.Task;
            }

            var found = _messages.Where(m => m.Contains(text, StringComparison.Ordinal)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await next.WaitAsync(backstop.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Only {found.Count} of {count} log messages containing \"{text}\" in {Backstop}; the last logged: {string.Join(" | ", _messages.TakeLast(5))}");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Add(string message)
    {
        _messages.Enqueue(message);
        TaskCompletionSource logged;
        lock (_gate)
        {
            logged = _logged;
            _logged = NewSignal();
        }

        logged.TrySetResult();
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
