using System.Net;
using Polly.CircuitBreaker;

namespace Dashboard.Core.PilotStatus.Api;

/// <summary>
/// A call whose own attempts opened the circuit breaker reports what Pilot Status actually answered (a 500 and its
/// message), not "calls are paused": the operator sees the first failure as itself. Only a call that met an already
/// open breaker says the calls are paused.
/// </summary>
/// <remarks>
/// This handler sits outside the resilience pipeline; its <see cref="Recorder"/> sits inside it and keeps the last
/// failed answer of the call. The resilience pipeline copies the request's options onto each attempt, so both see the
/// same <see cref="Answers"/>.
/// </remarks>
internal sealed class FirstAnswerHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Answers> Key = new("PilotStatus.Answers");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answers = new Answers();
        request.Options.Set(Key, answers);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException) when (answers.LastFailure is { } failure)
        {
            return failure.Replay(request);
        }
    }

    internal sealed class Answers
    {
        public RecordedAnswer? LastFailure { get; set; }
    }

    internal sealed record RecordedAnswer(HttpStatusCode Status, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Headers, byte[] Body, string? MediaType)
    {
        public HttpResponseMessage Replay(HttpRequestMessage request)
        {
            var response = new HttpResponseMessage(Status) { RequestMessage = request, Content = new ByteArrayContent(Body) };
            if (MediaType is not null)
            {
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MediaType);
            }

            foreach (var (name, values) in Headers)
            {
                response.Headers.TryAddWithoutValidation(name, values);
            }

            return response;
        }
    }

    /// <summary>Inside the pipeline: notes each failed answer (status, headers, a short body) before it is retried or returned.</summary>
    internal sealed class Recorder : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode && request.Options.TryGetValue(Key, out var answers))
            {
                // Buffered so the body can be read here and again by whoever gets the response.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                answers.LastFailure = new RecordedAnswer(
                    response.StatusCode,
                    response.Headers.ToList(),
                    body,
                    response.Content.Headers.ContentType?.MediaType);
            }

            return response;
        }
    }
}
