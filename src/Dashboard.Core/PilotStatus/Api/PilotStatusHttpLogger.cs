using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.PilotStatus.Api;

/// <summary>
/// Replaces HttpClientFactory's own request logging for this client. That logging redacts header values in the message
/// text but still hands the raw values to structured sinks as log state, x-api-key included. This one never reads a header.
/// </summary>
internal sealed partial class PilotStatusHttpLogger(ILogger<PilotStatusHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        Answered(logger, request.Method.Method, Path(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Failed(logger, request.Method.Method, Path(request), exception.GetType().Name, elapsed.TotalMilliseconds);

    // Path only: ids are opaque but not secret; the query (dates, paging) adds nothing to a log line.
    private static string Path(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "?";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pilot Status {Method} {Path} answered {StatusCode} after {ElapsedMs:0} ms")]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pilot Status {Method} {Path} failed with {Error} after {ElapsedMs:0} ms")]
    private static partial void Failed(ILogger logger, string method, string path, string error, double elapsedMs);
}
