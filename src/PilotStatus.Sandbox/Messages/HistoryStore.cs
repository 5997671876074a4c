using System.Collections.Concurrent;

namespace PilotStatus.Sandbox;

/// <summary>One generated history per number, made on first use and kept until the number is deleted or the fleet reset.</summary>
internal sealed class HistoryStore
{
    private readonly ConcurrentDictionary<string, Lazy<NumberHistory>> _histories = new(StringComparer.Ordinal);

    public NumberHistory Get(SandboxNumber number, int seed, DateTimeOffset now) =>
        _histories.GetOrAdd(number.Id, _ => new Lazy<NumberHistory>(() => HistoryGenerator.Generate(number, seed, now))).Value;

    public void Forget(string numberId) => _histories.TryRemove(numberId, out _);
}

/// <param name="Messages">Newest first.</param>
/// <param name="Conversations">Most recent <c>lastMessageAt</c> first.</param>
internal sealed record NumberHistory(IReadOnlyList<ChatMessage> Messages, IReadOnlyList<Conversation> Conversations);
