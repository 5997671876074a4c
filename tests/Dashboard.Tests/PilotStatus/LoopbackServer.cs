using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.PilotStatus;

/// <summary>A one-route HTTP server on 127.0.0.1, so one test can go through real sockets instead of a fake handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;

    private LoopbackServer(HttpListener listener, Uri baseAddress, string json)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _serving = ServeAsync(json);
    }

    public Uri BaseAddress { get; }

    public string? LastApiKey { get; private set; }

    public string? LastPath { get; private set; }

    public string? LastUserAgent { get; private set; }

    /// <summary>The Content-Length header of the last request with a body, as sent (null when it went chunked).</summary>
    public string? LastContentLength { get; private set; }

    public string? LastTransferEncoding { get; private set; }

    public string? LastBody { get; private set; }

    public static Task<LoopbackServer> StartAsync(string json)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var listener = new HttpListener();
        listener.Prefixes.Add(baseAddress.ToString());
        listener.Start();
        return Task.FromResult(new LoopbackServer(listener, baseAddress, json));
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync(string json)
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

            LastApiKey = context.Request.Headers["x-api-key"];
            LastPath = context.Request.Url?.AbsolutePath;
            LastUserAgent = context.Request.Headers["User-Agent"];
            LastContentLength = context.Request.Headers["Content-Length"];
            LastTransferEncoding = context.Request.Headers["Transfer-Encoding"];
            if (context.Request.HasEntityBody)
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                LastBody = await reader.ReadToEndAsync();
            }

            var body = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
