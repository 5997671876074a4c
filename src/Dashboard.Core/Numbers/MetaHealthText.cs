using System.Globalization;

namespace Dashboard.Core.Numbers;

/// <summary>A UI text key (the English text) with an optional count to format into it.</summary>
public readonly record struct UiText(string Key, long? Count = null);

/// <summary>
/// Meta's health codes (<c>GREEN</c>, <c>TIER_1K</c>, <c>CONNECTED</c>, <c>verified</c>) as words an operator reads,
/// as keys of the UI texts. A code Meta adds later is shown as sent rather than hidden.
/// </summary>
public static class MetaHealthText
{
    public const string ConversationsPerDay = "{0:N0} conversations/day";

    public static UiText Quality(string? rating) => rating?.Trim().ToUpperInvariant() switch
    {
        null or "" => new("Not known"),
        "GREEN" or "HIGH" => new("High"),
        "YELLOW" or "MEDIUM" => new("Medium"),
        "RED" or "LOW" => new("Low"),
        "UNKNOWN" or "NA" => new("Not rated yet"),
        _ => new(rating!),
    };

    /// <summary><c>TIER_1K</c> → "1,000 conversations/day"; <c>TIER_UNLIMITED</c> → "No daily limit".</summary>
    public static UiText Limit(string? tier)
    {
        var code = tier?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return new("Not known");
        }

        if (code is "TIER_UNLIMITED" or "UNLIMITED")
        {
            return new("No daily limit");
        }

        var amount = code.StartsWith("TIER_", StringComparison.Ordinal) ? code[5..] : code;
        var multiplier = amount.EndsWith('K') ? 1_000 : amount.EndsWith('M') ? 1_000_000 : 1;
        var digits = multiplier == 1 ? amount : amount[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? new(ConversationsPerDay, count * multiplier)
            : new(tier!);
    }

    public static UiText Status(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        null or "" => new("Not known"),
        "CONNECTED" => new("Connected"),
        "DISCONNECTED" => new("Disconnected"),
        "PENDING" => new("Pending"),
        "FLAGGED" => new("Flagged"),
        "RESTRICTED" => new("Restricted"),
        "BANNED" => new("Banned"),
        "DELETED" => new("Deleted"),
        "MIGRATED" => new("Migrated"),
        "UNVERIFIED" => new("Not verified"),
        "RATE_LIMITED" => new("Rate limited"),
        _ => new(status!),
    };

    public static UiText Verification(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => new("Not known"),
        "verified" => new("Verified"),
        "unverified" or "not_verified" => new("Not verified"),
        "pending" or "pending_submission" or "pending_need_more_info" => new("Pending"),
        "rejected" or "failed" => new("Rejected"),
        "expired" => new("Expired"),
        _ => new(status!),
    };

    /// <summary>Every key these methods can give for the codes they know, for the translation test.</summary>
    public static IEnumerable<string> KnownKeys =>
    [
        "Not known", "High", "Medium", "Low", "Not rated yet", "No daily limit", ConversationsPerDay, "Connected", "Disconnected",
        "Pending", "Flagged", "Restricted", "Banned", "Deleted", "Migrated", "Not verified", "Rate limited", "Verified", "Rejected", "Expired",
    ];
}
