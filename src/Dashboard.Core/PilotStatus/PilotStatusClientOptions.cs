using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.PilotStatus;

/// <summary>
/// Every figure of the client's caching and resilience, in one place (section <c>PilotStatus:Client</c>).
/// The defaults are tuned for an admin dashboard: a handful of operators, low traffic, a person waiting on each call.
/// </summary>
public sealed class PilotStatusClientOptions : IValidatableObject
{
    public const string Section = "PilotStatus:Client";

    // Every open page shows the number list; 10 s keeps twenty circuits down to one upstream call
    // while still feeling live, and /status is there for a live check of one number.
    public TimeSpan NumberListLifetime { get; set; } = TimeSpan.FromSeconds(10);

    // Per-number keys from GET /v1/api-keys are secrets: keep them briefly and in memory only,
    // long enough that paging through history does not re-fetch every key list.
    public TimeSpan NumberKeyLifetime { get; set; } = TimeSpan.FromMinutes(5);

    // A person is waiting: two retries of a safe GET absorb a blip without stretching the wait much further. At least 1 (library rule).
    public int RetryAttempts { get; set; } = 2;

    // First backoff step (exponential, with jitter), used when the API sends no Retry-After.
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    // A 429 without Retry-After: wait this long before the first retry, twice as long before the next, so a limiting
    // server gets relief (a page load with two retries sends three calls over 6 s, not a burst).
    public TimeSpan RateLimitedRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    // Waiting out a Retry-After longer than this would leave the page hanging; fail fast with RateLimited and the wait instead.
    public TimeSpan RetryAfterCap { get; set; } = TimeSpan.FromSeconds(5);

    // One HTTP attempt: the documented endpoints are small JSON reads and writes; a provisioning POST is the slowest.
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    // The whole call including retries and their delays: a person is looking at a loading bar, and a hung API must be
    // explained on screen within about 10 s.
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // Half of the recent calls failing means the service is down for us, not having a blip.
    public double BreakerFailureRatio { get; set; } = 0.5;

    // A dashboard makes a few calls a minute; the library default of 100 would never trip at that rate.
    public int BreakerMinimumThroughput { get; set; } = 5;

    // Short window so the breaker reacts to the current outage, not to last hour's; must be at least twice AttemptTimeout.
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    // How long to stop calling once tripped: long enough to spare a struggling service, short enough that a person retrying soon gets through.
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    // The resilience library checks these too, but only at the first call and in its own terms; fail at start-up with our keys.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryAttempts < 1)
        {
            yield return new ValidationResult($"{Section}:RetryAttempts must be at least 1.", [nameof(RetryAttempts)]);
        }

        if (RateLimitedRetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:RateLimitedRetryDelay must not be negative.", [nameof(RateLimitedRetryDelay)]);
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= AttemptTimeout)
        {
            yield return new ValidationResult($"{Section}:TotalTimeout must be longer than {Section}:AttemptTimeout, and both positive.", [nameof(TotalTimeout)]);
        }

        if (BreakerSamplingDuration < 2 * AttemptTimeout)
        {
            yield return new ValidationResult($"{Section}:BreakerSamplingDuration must be at least twice {Section}:AttemptTimeout.", [nameof(BreakerSamplingDuration)]);
        }

        if (BreakerMinimumThroughput < 2 || BreakerFailureRatio is <= 0 or > 1)
        {
            yield return new ValidationResult(
                $"{Section}:BreakerMinimumThroughput must be at least 2 and {Section}:BreakerFailureRatio between 0 and 1.",
                [nameof(BreakerMinimumThroughput)]);
        }
    }
}
