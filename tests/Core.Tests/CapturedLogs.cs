using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tests;

/// <summary>Every log line, formatted, with its exception, so a test can check what reaches the logs.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Like every real provider, nothing is written at LogLevel.None.
            if (IsEnabled(logLevel))
            {
                logs._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
