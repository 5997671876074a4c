using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Dashboard.Tests.PilotStatus;

/// <summary>The far end of the pipeline: answers each request with a scripted response and remembers what it was sent.</summary>
internal sealed class FakePilotStatusApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private Func<HttpRequestMessage, int, Task<HttpResponseMessage>> _respond = (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "[]"));

    public IReadOnlyList<SeenRequest> Requests => _seen.ToArray();

    public int Count(string pathAndQuery) => _seen.Count(r => r.PathAndQuery == pathAndQuery);

    /// <summary>The responder gets the request and how many requests came before it.</summary>
    public void Respond(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) => _respond = respond;

    public void Respond(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = (request, _) => Task.FromResult(respond(request));

    public void RespondInOrder(params Func<HttpResponseMessage>[] responses) =>
        _respond = (_, index) => Task.FromResult(responses[Math.Min(index, responses.Length - 1)]());

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string? code = null, string error = "Request failed") =>
        Json(status, code is null ? $$"""{ "error": "{{error}}" }""" : $$"""{ "error": "{{error}}", "code": "{{code}}" }""");

    public static HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = Error(HttpStatusCode.TooManyRequests, error: "Rate limit exceeded");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = _seen.Count;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _seen.Enqueue(new SeenRequest(
            request.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.TryGetValues("x-api-key", out var keys) ? string.Join(",", keys) : null,
            request.Headers.TryGetValues("x-whatsapp-number-id", out var ids) ? string.Join(",", ids) : null,
            body));

        var response = await _respond(request, index).WaitAsync(cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record SeenRequest(HttpMethod Method, string PathAndQuery, string? ApiKey, string? NumberId, string? Body);
