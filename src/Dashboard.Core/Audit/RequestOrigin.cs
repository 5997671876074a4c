namespace Dashboard.Core.Audit;

/// <summary>
/// Where the current request or circuit comes from. Scoped: the web layer fills it in per HTTP request and once when
/// an interactive circuit opens (components cannot read the HttpContext later).
/// </summary>
public sealed class RequestOrigin
{
    public string? IpAddress { get; set; }
}
