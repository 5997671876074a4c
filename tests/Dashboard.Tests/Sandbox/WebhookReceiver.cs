using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Dashboard.Tests.Sandbox;

/// <summary>
/// An HTTP receiver on 127.0.0.1 for the sandbox's webhook deliveries: records every POST and answers with the statuses a
/// test scripts (200 once the script runs out). <see cref="Hold"/> keeps requests waiting until released.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();

    private WebhookReceiver(HttpListener listener, Uri url)
    {
        _listener = listener;
        Url = url;
        _serving = ServeAsync();
    }

    /// <summary>Where to point a webhook, e.g. <c>http://127.0.0.1:51234/hooks/in</c>.</summary>
    public Uri Url { get; }

    public IReadOnlyList<ReceivedEvent> Received => [.. _received];

    /// <summary>While set, every request waits for it before answering.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public static WebhookReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var prefix = $"http://127.0.0.1:{port}/hooks/";
        var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        return new WebhookReceiver(listener, new Uri(prefix + "in"));
    }

    /// <summary>The next requests answer with these statuses, in order.</summary>
    public void AnswerNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue((int)status);
        }
    }

    /// <summary>Waits until <paramref name="count"/> events have arrived; fails the test after 20 s of nothing.</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> WaitForAsync(int count, string? eventName = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var matching = Received.Where(e => eventName is null || e.Event == eventName).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} deliveries of {eventName ?? "any event"}, got {matching.Count}.");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            using (var document = JsonDocument.Parse(body))
            {
                var root = document.RootElement;
                _received.Enqueue(new ReceivedEvent(
                    root.GetProperty("event").GetString()!, root.GetProperty("data").Clone(), context.Request.ContentType, context.Request.HttpMethod));
            }

            if (Hold is { } hold)
            {
                await hold.Task;
            }

            var status = _script.TryDequeue(out var scripted) ? scripted : 200;
            var answer = Encoding.UTF8.GetBytes(status < 300 ? "received" : "receiver says no");
            context.Response.StatusCode = status;
            context.Response.ContentLength64 = answer.Length;
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}

internal sealed record ReceivedEvent(string Event, JsonElement Data, string? ContentType, string Method)
{
    public string Id => Data.GetProperty("id").GetString()!;
}
