using System.Collections.Concurrent;
using Dashboard.Core.PilotStatus.Messages;

namespace Dashboard.Core.Messages;

/// <summary>
/// Pages of history and conversations already read, per number, page and date range, for <see cref="Lifetime"/>.
/// Going back to a number or a page seen moments ago (another tab, the drawer closed and opened again, the prerender
/// and then the live page) costs no API call. Shared by every circuit: scope is checked before a page is looked up.
/// </summary>
public sealed class MessagePageCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(45);

    // A page of 100 messages is tens of kilobytes: a few hundred pages is the most worth keeping.
    private const int MaxEntries = 300;

    private readonly ConcurrentDictionary<Key, (object Page, DateTimeOffset At)> _pages = new();

    public MessagePage? Messages(string numberId, int page, int pageSize, HistoryRange range) =>
        Get(new Key(numberId, nameof(Messages), page, pageSize, range)) as MessagePage;

    public ConversationPage? Conversations(string numberId, int page, int pageSize, HistoryRange range) =>
        Get(new Key(numberId, nameof(Conversations), page, pageSize, range)) as ConversationPage;

    public void Keep(string numberId, int page, int pageSize, HistoryRange range, MessagePage value) =>
        Put(new Key(numberId, nameof(Messages), page, pageSize, range), value);

    public void Keep(string numberId, int page, int pageSize, HistoryRange range, ConversationPage value) =>
        Put(new Key(numberId, nameof(Conversations), page, pageSize, range), value);

    /// <summary>Forgets every page of one number, e.g. when the operator asks for what is new.</summary>
    public void Forget(string numberId)
    {
        foreach (var key in _pages.Keys.Where(k => k.NumberId == numberId))
        {
            _pages.TryRemove(key, out _);
        }
    }

    private object? Get(Key key)
    {
        if (!_pages.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (clock.GetUtcNow() - entry.At < Lifetime)
        {
            return entry.Page;
        }

        _pages.TryRemove(key, out _);
        return null;
    }

    private void Put(Key key, object page)
    {
        var now = clock.GetUtcNow();
        if (_pages.Count >= MaxEntries)
        {
            foreach (var (stale, _) in _pages.Where(p => now - p.Value.At >= Lifetime))
            {
                _pages.TryRemove(stale, out _);
            }

            if (_pages.Count >= MaxEntries)
            {
                _pages.Clear();
            }
        }

        _pages[key] = (page, now);
    }

    private readonly record struct Key(string NumberId, string Kind, int Page, int PageSize, HistoryRange Range);
}
