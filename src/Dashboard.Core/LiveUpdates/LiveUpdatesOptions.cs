using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.LiveUpdates;

/// <summary>The <c>LiveUpdates</c> section: the webhook receiver that makes the dashboard live.</summary>
public sealed class LiveUpdatesOptions : IValidatableObject
{
    public const string Section = "LiveUpdates";

    /// <summary>
    /// The address Pilot Status reaches this dashboard at (e.g. <c>https://fleet.example.com</c>); the receiver's URL is
    /// built on it. Required to enable live updates against the live API; in sandbox mode the dashboard's own listening
    /// address is used when it is empty.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Optional. The secret Pilot Status signs deliveries with. Pilot Status does not document its signature, so when a
    /// signature header arrives it is checked as an HMAC-SHA256 of the raw body (hex, optionally <c>sha256=</c>, or base64).
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>The header a signature is read from, when <see cref="SigningSecret"/> is set.</summary>
    [Required]
    public string SignatureHeader { get; set; } = "X-PilotStatus-Signature";

    /// <summary>A delivery larger than this is refused with 413; Pilot Status's documented payloads are a few hundred bytes.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long an instance holds the events it claimed from the inbox table. An instance that stops or dies holding
    /// some leaves them to the others this long after at most.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "LiveUpdates:InboxLease must be between 00:00:01 and 01:00:00, e.g. 00:00:30.")]
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance looks for events that another instance stored (its own wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "LiveUpdates:InboxPollInterval must be between 00:00:00.050 and 00:01:00, e.g. 00:00:01.")]
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many stored events one claim takes.</summary>
    [Range(1, 1000)]
    public int InboxBatchSize { get; set; } = 50;

    /// <summary>How long processed events are kept: a redelivery within this time is recognised as one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "LiveUpdates:InboxRetention must be between 00:01:00 and 30.00:00:00, e.g. 1.00:00:00.")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                 && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(PublicBaseUrl)} must be the dashboard's address as Pilot Status reaches it, starting with https:// (for example https://fleet.example.com).",
                [nameof(PublicBaseUrl)]);
        }

        if (SigningSecret is { Length: > 0 and < 16 })
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(SigningSecret)} is too short to be a signing secret (under 16 characters). Copy the whole secret, or leave it empty.",
                [nameof(SigningSecret)]);
        }
    }
}
