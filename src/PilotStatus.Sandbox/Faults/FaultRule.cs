using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Waits <see cref="FaultRule.LatencyMs"/> before answering normally; adds up with other rules.</summary>
    Latency,

    /// <summary>429 with a <c>Retry-After</c> header of <see cref="FaultRule.RetryAfterSeconds"/> (none when that is null).</summary>
    RateLimit,

    /// <summary>500 with an error body.</summary>
    ServerError,

    /// <summary>Holds the request until the client gives up, or <see cref="FaultRule.HoldSeconds"/> pass (then 504).</summary>
    Timeout,

    /// <summary>200 with a truncated JSON body.</summary>
    MalformedJson,
}

/// <summary>
/// One injected fault. Bindable from configuration (<c>PilotStatus:Sandbox:Faults:0:Kind=RateLimit</c>) and
/// from the JSON of <c>PUT /sandbox/faults</c>.
/// </summary>
public sealed class FaultRule
{
    public const int MaxHoldSeconds = 100;

    public FaultKind Kind { get; set; }

    /// <summary>Only requests whose path starts with this (e.g. <c>/v1/numbers</c>); null for every <c>/v1</c> request.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>Only requests whose path ends with this (e.g. <c>/status</c>: every number's live status); null for any.</summary>
    public string? PathSuffix { get; set; }

    /// <summary>Only this HTTP method (e.g. <c>GET</c>); null for any.</summary>
    public string? Method { get; set; }

    /// <summary>How many more matching requests this rule applies to; null for every one, for as long as it is set.</summary>
    public int? Remaining { get; set; }

    public int LatencyMs { get; set; } = 500;

    /// <summary>The <c>Retry-After</c> of a <see cref="FaultKind.RateLimit"/>; null sends none, as some servers do.</summary>
    public int? RetryAfterSeconds { get; set; } = 5;

    public int HoldSeconds { get; set; } = MaxHoldSeconds;

    public static FaultRule Latency(TimeSpan delay, int? times = null, string? pathPrefix = null, string? method = null) =>
        new() { Kind = FaultKind.Latency, LatencyMs = (int)delay.TotalMilliseconds, Remaining = times, PathPrefix = pathPrefix, Method = method };

    public static FaultRule RateLimit(
        int? retryAfterSeconds = 5, int? times = null, string? pathPrefix = null, string? method = null, string? pathSuffix = null) =>
        new()
        {
            Kind = FaultKind.RateLimit, RetryAfterSeconds = retryAfterSeconds, Remaining = times, PathPrefix = pathPrefix, Method = method,
            PathSuffix = pathSuffix,
        };

    public static FaultRule ServerError(int? times = null, string? pathPrefix = null, string? method = null) =>
        new() { Kind = FaultKind.ServerError, Remaining = times, PathPrefix = pathPrefix, Method = method };

    public static FaultRule Timeout(int holdSeconds = MaxHoldSeconds, int? times = null, string? pathPrefix = null, string? method = null) =>
        new() { Kind = FaultKind.Timeout, HoldSeconds = holdSeconds, Remaining = times, PathPrefix = pathPrefix, Method = method };

    public static FaultRule MalformedJson(int? times = null, string? pathPrefix = null, string? method = null) =>
        new() { Kind = FaultKind.MalformedJson, Remaining = times, PathPrefix = pathPrefix, Method = method };

    internal FaultRule Clone() => (FaultRule)MemberwiseClone();

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase)) &&
        (PathSuffix is null || path.TrimEnd('/').EndsWith(PathSuffix, StringComparison.OrdinalIgnoreCase));

    internal void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown fault kind {Kind}.");
        }

        if (Remaining is < 1)
        {
            throw new ArgumentException("A fault's Remaining must be at least 1, or null for every request.");
        }

        if (LatencyMs is < 0 or > 600_000)
        {
            throw new ArgumentException("A fault's LatencyMs must be between 0 and 600000.");
        }

        if (RetryAfterSeconds is < 0 or > 86_400)
        {
            throw new ArgumentException("A fault's RetryAfterSeconds must be between 0 and 86400.");
        }

        if (HoldSeconds is < 0 or > MaxHoldSeconds)
        {
            throw new ArgumentException($"A fault's HoldSeconds must be between 0 and {MaxHoldSeconds}.");
        }
    }
}
