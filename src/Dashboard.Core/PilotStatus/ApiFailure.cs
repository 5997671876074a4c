namespace Dashboard.Core.PilotStatus;

public enum ApiFailureKind
{
    /// <summary>401: the key was rejected.</summary>
    Unauthorized,

    /// <summary>403 (or 402): the key is valid but may not do this.</summary>
    Forbidden,

    /// <summary>404: not found, or not in this tenant.</summary>
    NotFound,

    /// <summary>
    /// 404 from a per-number feature (history, webhooks, sending, remote pairing) while the number itself exists:
    /// the feature is not available for this number or account. The number is not gone.
    /// </summary>
    NotAvailable,

    /// <summary>409: the current state does not allow it (e.g. already connected).</summary>
    Conflict,

    /// <summary>429: too many requests; <see cref="ApiFailure.RetryAfter"/> says when to try again, if known.</summary>
    RateLimited,

    /// <summary>400: the API refused the input.</summary>
    InvalidRequest,

    /// <summary>5xx, timeout, network error or circuit open.</summary>
    Unavailable,

    /// <summary>The API answered with JSON the dashboard cannot read.</summary>
    MalformedResponse,
}

/// <param name="Message">A sentence for the operator: what happened and what to do about it. Never contains a key.</param>
/// <param name="Code">The API's <c>code</c> field (e.g. <c>NUMBER_LIMIT_EXCEEDED</c>), when it sent one.</param>
/// <param name="RetryAfter">When it is worth trying again, if known.</param>
public sealed record ApiFailure(ApiFailureKind Kind, string Message, string? Code = null, TimeSpan? RetryAfter = null);
