using Dashboard.Core.PilotStatus.Messages;

namespace Dashboard.Core.Messages;

/// <summary>
/// The pages of one number's history read so far, newest first, for one date range. Pilot Status pages by offset,
/// so a message that arrives between two pages pushes one already shown onto the next: it is kept once.
/// </summary>
public sealed class LoadedHistory
{
    private readonly List<ChatMessage> _messages = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public IReadOnlyList<ChatMessage> Messages => _messages;

    public int PagesLoaded { get; private set; }

    /// <summary>Messages in the range at Pilot Status, over all pages.</summary>
    public int Total { get; private set; }

    public int TotalPages { get; private set; }

    /// <summary>The number keeps no message content (<c>PII_RELAY_ONLY</c>): an empty history is by design, not a gap.</summary>
    public bool RelayOnly { get; private set; }

    public string? Notice { get; private set; }

    public bool HasOlder => !RelayOnly && PagesLoaded < TotalPages;

    public int NextPage => PagesLoaded + 1;

    public void Add(MessagePage page)
    {
        PagesLoaded = Math.Max(PagesLoaded, page.Page);
        (Total, TotalPages, RelayOnly, Notice) = (page.Total, page.TotalPages, page.IsPiiRelayOnly, page.Notice);
        foreach (var message in page.Messages)
        {
            if (_ids.Add(message.Id))
            {
                _messages.Add(message);
            }
        }
    }
}

public enum DirectionFilter
{
    Any,
    Inbound,
    Outbound,
}

/// <summary>
/// What narrows the loaded messages on screen. The history endpoint filters only by date, so conversation, direction,
/// status and search apply to the pages already read: older pages may hold more matches.
/// </summary>
/// <param name="Status">A status as the API spells it (<c>FAILED</c>), or null for any.</param>
public sealed record LoadedFilter(string? ConversationId = null, DirectionFilter Direction = DirectionFilter.Any, string? Status = null, string? Search = null)
{
    public static readonly LoadedFilter None = new();

    public bool IsActive => ConversationId is not null || Direction != DirectionFilter.Any || Status is not null || !string.IsNullOrWhiteSpace(Search);

    public IReadOnlyList<ChatMessage> Apply(IEnumerable<ChatMessage> messages) =>
        IsActive ? messages.Where(Matches).ToList() : messages as IReadOnlyList<ChatMessage> ?? messages.ToList();

    public bool Matches(ChatMessage message)
    {
        if (ConversationId is not null && message.ConversationId != ConversationId)
        {
            return false;
        }

        if (Direction != DirectionFilter.Any && message.IsInbound != (Direction == DirectionFilter.Inbound))
        {
            return false;
        }

        if (Status is not null && !string.Equals(message.Status, Status, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(Search) || MatchesSearch(message, Search.Trim());
    }

    private static bool MatchesSearch(ChatMessage message, string search)
    {
        bool Has(string? text) => text is not null && text.Contains(search, StringComparison.CurrentCultureIgnoreCase);
        var digits = new string(search.Where(char.IsAsciiDigit).ToArray());
        return Has(message.Text) || Has(message.ParticipantName) || Has(message.Media?.FileName) || Has(message.ErrorMessage) || Has(message.Origin)
            || (digits.Length >= 4 && message.ParticipantPhone is { } phone && phone.Contains(digits, StringComparison.Ordinal));
    }
}
