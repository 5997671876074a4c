namespace Dashboard.Core.PilotStatus.Webhooks;

/// <summary>Checks a webhook's name, URL and events before they are sent, so a typo is named instead of a bare HTTP 400.</summary>
internal static class WebhookInput
{
    public const int MaxNameLength = 100;

    public static ApiFailure? Problem(string? name, string? url, IReadOnlyList<string>? events)
    {
        if (name is not null && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength))
        {
            return Invalid($"Enter a name for the webhook, up to {MaxNameLength} characters.");
        }

        if (url is not null && !IsHttpUrl(url))
        {
            return Invalid("Enter the webhook's address as a full URL starting with https:// (for example https://hooks.example.com/whatsapp).");
        }

        if (events is not null && events.Any(e => string.IsNullOrWhiteSpace(e) || e.Any(char.IsWhiteSpace)))
        {
            return Invalid("Event names have no spaces: pick them from the list (for example message.delivered), or use * for all events.");
        }

        return null;
    }

    public static List<string> Clean(IEnumerable<string> events) => events.Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(url.Host);

    private static ApiFailure Invalid(string message) => new(ApiFailureKind.InvalidRequest, message);
}
