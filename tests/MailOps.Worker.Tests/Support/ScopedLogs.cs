using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// A logger provider that keeps every message with the scopes it was written in, as a console or OpenTelemetry
/// exporter sees them: the factory's shared <see cref="IExternalScopeProvider"/>, so a scope begun through any logger
/// of the factory reaches lines written through every other.
/// </summary>
internal sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<ScopedLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<ScopedLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var texts = new List<string>();
            logs._scopes.ForEachScope(
                (scope, _) =>
                {
                    texts.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            values[key] = value;
                        }
                    }
                },
                (object?)null);
            logs._lines.Enqueue(new ScopedLine(category, logLevel, formatter(state, exception), texts, values));
        }
    }
}

/// <summary>One line logged: its category, level and text, the scopes around it (outermost first) and their named values.</summary>
internal sealed record ScopedLine(string Category, LogLevel Level, string Message, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, object?> ScopeValues);
