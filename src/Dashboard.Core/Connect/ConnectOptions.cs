using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.Connect;

/// <summary>
/// The <c>Connect</c> section: how the connect wizard paces codes and polling. Pilot Status does not document code
/// lifetimes, so these are configuration rather than constants.
/// </summary>
public sealed class ConnectOptions : IValidatableObject
{
    public const string Section = "Connect";

    /// <summary>How long the first code of an attempt lives.</summary>
    public TimeSpan FirstCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long each later code lives.</summary>
    public TimeSpan NextCodeLifetime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long before a code expires the wizard replaces it, so the one on screen is never stale.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How many codes one attempt may show before the wizard offers to start again.</summary>
    [Range(1, 50, ErrorMessage = "Connect:MaxCodes must be between 1 and 50.")]
    public int MaxCodes { get; set; } = 6;

    /// <summary>How often the live <c>/status</c> is read while a code is on screen.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RefreshMargin < TimeSpan.Zero)
        {
            yield return new ValidationResult("Connect:RefreshMargin must not be negative.", [nameof(RefreshMargin)]);
        }

        // A code must stay on screen for at least a second after the margin, or the wizard would only ever fetch codes.
        if (FirstCodeLifetime - RefreshMargin < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult("Connect:FirstCodeLifetime must be at least one second longer than Connect:RefreshMargin.", [nameof(FirstCodeLifetime)]);
        }

        if (NextCodeLifetime - RefreshMargin < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult("Connect:NextCodeLifetime must be at least one second longer than Connect:RefreshMargin.", [nameof(NextCodeLifetime)]);
        }

        if (PollInterval < TimeSpan.FromMilliseconds(200) || PollInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Connect:PollInterval must be between 00:00:00.2 and 00:01:00.", [nameof(PollInterval)]);
        }
    }
}
