using Microsoft.Extensions.Logging;

namespace Fwk.Tests.Infrastructure;

/// <summary>Keeps the app's log lines (message and exception text) in the <see cref="Recorder"/>, so tests can read them and the console stays quiet.</summary>
internal sealed class RecordingLoggerProvider(Recorder recorder) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(recorder);

    public void Dispose()
    {
    }

    private sealed class Logger(Recorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                recorder.Log($"{logLevel}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
