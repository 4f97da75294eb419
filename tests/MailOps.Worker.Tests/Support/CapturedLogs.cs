using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Tests.Support;

/// <summary>A logger provider that keeps every formatted message, so a test can wait for one.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    /// <summary>Waits (in real time, bounded) until a message containing <paramref name="text"/> is logged.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        for (var i = 0; i < 500; i++)
        {
            var found = _messages.FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No log message containing \"{text}\"; logged: {string.Join(" | ", _messages)}");
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
