using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Hosting;

/// <summary>Captures every log line the app writes, with its structured values, so tests can read them.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>One log entry: its category, level, rendered message, exception text, scope values and its own structured values.</summary>
    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, string? Exception, IReadOnlyDictionary<string, object?> Scope)
    {
        /// <summary>The entry's structured values (a source-generated message's parameters, with "{OriginalFormat}").</summary>
        public IReadOnlyDictionary<string, object?> State { get; init; } = new Dictionary<string, object?>();

        /// <summary>Everything the entry carries, as one text: what a log store would keep of it.</summary>
        public string AllText => string.Join(" | ", new[] { Category, Message, Exception ?? string.Empty }
            .Concat(Scope.Select(p => p.Key + "=" + p.Value))
            .Concat(State.Select(p => p.Key + "=" + p.Value)));
    }

    private sealed class SinkLogger(TestLogSink sink, string category) : ILogger
    {
        private static readonly AsyncLocal<List<object?>> Scopes = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var scopes = Scopes.Value ??= [];
            scopes.Add(state);
            return new Pop(scopes);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            foreach (var s in Scopes.Value ?? [])
            {
                if (s is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        scope[key] = value;
                    }
                }
            }

            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> structured)
            {
                foreach (var (key, value) in structured)
                {
                    values[key] = value;
                }
            }

            sink._lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception?.ToString(), scope) { State = values });
        }

        private sealed class Pop(List<object?> scopes) : IDisposable
        {
            public void Dispose() => scopes.RemoveAt(scopes.Count - 1);
        }
    }
}
