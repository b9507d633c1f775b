using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>Keeps every log entry of the app, at every level, with its category and structured state, for tests to search.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured state too: a secret could hide in a property the message template does not print.
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                : [];
            entries.Enqueue(new LogEntry(category, logLevel, $"{formatter(state, exception)} [{string.Join("; ", properties)}] {exception}", properties));
        }
    }
}
