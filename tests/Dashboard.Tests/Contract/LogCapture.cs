using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Contract;

/// <summary>
/// Keeps everything a log sink could write, at every level: the formatted message, the state's own
/// <see cref="object.ToString"/>, every key/value pair of structured state, scopes and exceptions.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public void Dispose()
    {
    }

    private static string Describe(object? state)
    {
        if (state is null)
        {
            return string.Empty;
        }

        var pairs = state is IEnumerable<KeyValuePair<string, object?>> items
            ? string.Join("; ", items.Select(p => $"{p.Key}={Spell(p.Value)}"))
            : string.Empty;
        return $"{state} [{pairs}]";
    }

    // Header values and other collections arrive as sequences: spell every item out so a key inside one is seen.
    private static string? Spell(object? value) => value switch
    {
        null => null,
        string text => text,
        IEnumerable<KeyValuePair<string, object?>> nested => "{" + string.Join("; ", nested.Select(p => $"{p.Key}={Spell(p.Value)}")) + "}",
        IEnumerable sequence => "[" + string.Join(",", sequence.Cast<object?>().Select(Spell)) + "]",
        _ => value.ToString(),
    };

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {Describe(state)}");
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category} ({eventId}): {formatter(state, exception)} | {Describe(state)} | {exception}");
    }

    private sealed class NoScope : IDisposable
    {
        public static NoScope Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
