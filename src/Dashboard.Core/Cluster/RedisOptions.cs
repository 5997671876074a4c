using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.Cluster;

/// <summary>
/// The <c>Redis</c> section. Empty: one instance, live events and caches in process. Set: every instance shares live
/// events (pub/sub) and the second level of the caches through this Redis.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,abortConnect=false</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of the channel and cache keys, so two installations can share one Redis.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:Prefix must name this installation (letters, digits, dashes), e.g. pilotstatus-fleet.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "Redis:Prefix may hold letters, digits, '.', '_' and '-' only (at most 64), e.g. pilotstatus-fleet.")]
    public string Prefix { get; set; } = "pilotstatus-fleet";

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
