using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PilotStatus.Sandbox;

/// <summary>
/// Posts events to webhooks over real HTTP from a background queue, so no API request waits for a receiver. A failed
/// attempt (no answer, timeout, non-2xx) is retried after <see cref="SandboxOptions.WebhookRetryDelay"/>, doubling, up to
/// <see cref="SandboxOptions.WebhookMaxAttempts"/>; every attempt lands in the webhook's delivery log. Retry waits read the
/// sandbox's <see cref="TimeProvider"/>; the per-attempt timeout and the measured duration are wall-clock network time.
/// Any URL is accepted, loopback included: the sandbox's receivers are local.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int Workers = 4;
    private const int MaxResponseLength = 2000;

    private readonly WebhookStore _store;
    private readonly TimeProvider _clock;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _timeout;
    // One queue per worker, a webhook always on the same one: its events arrive in the order they happened (retries aside),
    // while a slow receiver holds up only the webhooks that share its worker.
    private readonly Channel<PendingDelivery>[] _queues =
        [.. Enumerable.Range(0, Workers).Select(_ => Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleReader = true }))];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private Task[] _workers = [];
    private CancellationTokenSource _generation = new();
    private int _inFlight;

    public WebhookDispatcher(WebhookStore store, TimeProvider clock, SandboxOptions options)
    {
        _store = store;
        _clock = clock;
        _maxAttempts = options.WebhookMaxAttempts;
        _retryDelay = options.WebhookRetryDelay;
        _timeout = options.WebhookTimeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false, // A receiver on loopback must be reached directly, whatever the environment's proxy says.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PilotStatus-Sandbox-Webhooks", "1.0"));
    }

    /// <summary>Deliveries queued, being posted or waiting for a retry. Zero once everything has settled.</summary>
    public int Pending => Volatile.Read(ref _inFlight);

    /// <summary>Queues one event for each webhook; returns at once.</summary>
    /// <param name="outlivesWebhook">Deliver even after the webhook is gone: <c>number.removed</c> removes the webhooks it is posted to.</param>
    public void Enqueue(IReadOnlyList<(string Id, string Url)> webhooks, string eventName, JsonObject data, bool outlivesWebhook = false)
    {
        if (webhooks.Count == 0)
        {
            return;
        }

        var body = JsonSerializer.Serialize(new WebhookEnvelope(eventName, data), SandboxJson.Options);
        EnsureStarted();
        var generation = _generation.Token;
        foreach (var (id, url) in webhooks)
        {
            Interlocked.Increment(ref _inFlight);
            if (!QueueOf(id).Writer.TryWrite(new PendingDelivery(id, eventName, body, 1, generation, outlivesWebhook ? url : null)))
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>Drops queued deliveries and pending retries (the sandbox was reset).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var old = _generation;
            _generation = new CancellationTokenSource();
            old.Cancel();
            old.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }

        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stopping.Dispose();
        _generation.Dispose();
    }

    private void EnsureStarted()
    {
        if (_workers.Length > 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_workers.Length == 0)
            {
                _workers = [.. _queues.Select(queue => Task.Run(() => WorkAsync(queue.Reader)))];
            }
        }
    }

    private Channel<PendingDelivery> QueueOf(string webhookId) => _queues[(webhookId.GetHashCode() & int.MaxValue) % Workers];

    private async Task WorkAsync(ChannelReader<PendingDelivery> queue)
    {
        try
        {
            await foreach (var delivery in queue.ReadAllAsync(_stopping.Token))
            {
                var retry = false;
                try
                {
                    retry = await AttemptAsync(delivery);
                }
                catch (Exception) when (!_stopping.IsCancellationRequested)
                {
                    // A bug in one delivery must not stop the worker; the attempt is simply not retried.
                }
                finally
                {
                    if (!retry)
                    {
                        Interlocked.Decrement(ref _inFlight);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>One POST; true when a retry was scheduled (the delivery stays pending).</summary>
    private async Task<bool> AttemptAsync(PendingDelivery delivery)
    {
        if (delivery.Generation.IsCancellationRequested || (_store.TargetOf(delivery.WebhookId) ?? delivery.LastUrl) is not { } url)
        {
            return false; // Reset, deleted or paused since the event happened.
        }

        var startedAt = _clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        int? statusCode = null;
        string? response;
        bool succeeded;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
        {
            attempt.CancelAfter(_timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
                };
                using var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
                statusCode = (int)answer.StatusCode;
                response = Truncate(await answer.Content.ReadAsStringAsync(attempt.Token));
                succeeded = answer.IsSuccessStatusCode;
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                response = $"No answer within {_timeout.TotalSeconds:0.#} s.";
                succeeded = false;
            }
            catch (HttpRequestException e)
            {
                response = "Could not deliver: " + e.Message;
                succeeded = false;
            }
            catch (InvalidOperationException e)
            {
                response = "Could not deliver: " + e.Message; // e.g. a URL HttpClient refuses.
                succeeded = false;
            }
        }

        _store.RecordAttempt(delivery.WebhookId, new WebhookLogResponse(
            _store.NewLogId(),
            delivery.Event,
            succeeded ? WebhookValues.Success : WebhookValues.Failed,
            statusCode,
            JsonNode.Parse(delivery.Body)!,
            response,
            watch.ElapsedMilliseconds,
            delivery.Attempt,
            startedAt));

        if (succeeded || delivery.Attempt >= _maxAttempts)
        {
            return false;
        }

        _ = RetryLaterAsync(delivery with { Attempt = delivery.Attempt + 1 }, _retryDelay * Math.Pow(2, delivery.Attempt - 1));
        return true;
    }

    private async Task RetryLaterAsync(PendingDelivery delivery, TimeSpan delay)
    {
        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, delivery.Generation);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _clock, both.Token);
            }

            if (QueueOf(delivery.WebhookId).Writer.TryWrite(delivery))
            {
                return;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        Interlocked.Decrement(ref _inFlight);
    }

    private static string Truncate(string text) => text.Length <= MaxResponseLength ? text : text[..MaxResponseLength] + "…";

    /// <param name="LastUrl">Where to post once the webhook itself is gone; null: drop the delivery then.</param>
    private sealed record PendingDelivery(string WebhookId, string Event, string Body, int Attempt, CancellationToken Generation, string? LastUrl);
}
