using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

/// <summary>
/// A sandbox on its own loopback port with a fake clock, and an <see cref="HttpClient"/> that talks to it the way the
/// dashboard will: raw HTTP with <c>x-api-key</c>.
/// </summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private RunningSandbox? _sandbox;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected RunningSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    protected SandboxState State => Sandbox.State;

    protected HttpClient Http { get; private set; } = null!;

    protected string TenantKey => State.TenantApiKey;

    protected SandboxOptions Options { get; } = new();

    public async Task InitializeAsync()
    {
        Configure(Options);
        _sandbox = await SandboxServer.StartAsync(Options, Clock);
        Http = new HttpClient { BaseAddress = Sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }

    protected virtual void Configure(SandboxOptions options)
    {
    }

    protected Task<HttpResponseMessage> GetAsync(string path, string? key = "", string? numberId = null) =>
        SendAsync(HttpMethod.Get, path, key, null, numberId);

    /// <param name="key">The x-api-key; the tenant key when empty, no header when null.</param>
    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = "", object? body = null, string? numberId = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key.Length == 0 ? TenantKey : key);
        }

        if (numberId is not null)
        {
            request.Headers.Add("x-whatsapp-number-id", numberId);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    protected async Task<JsonElement> GetJsonAsync(string path, string? key = "", string? numberId = null)
    {
        using var response = await GetAsync(path, key, numberId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the documented error body: <c>{ "error": "...", "code": "..." }</c> (no <c>code</c> when <paramref name="code"/> is null).</summary>
    protected static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        if (code is null)
        {
            Assert.False(body.TryGetProperty("code", out _));
        }
        else
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
        }
    }

    protected SandboxNumberInfo Seeded(Func<SandboxNumberInfo, bool> predicate) => State.GetNumbers().First(predicate);

    protected SandboxNumberInfo OpenQrNumber() =>
        Seeded(n => n.Provider == NumberProvider.PilotStatus && n.State == ConnectionState.Open && !n.RelayOnly && n.KeyRevealable);

    protected SandboxNumberInfo ClosedQrNumber() => Seeded(n => n.Provider == NumberProvider.PilotStatus && n.State == ConnectionState.Close);

    protected SandboxNumberInfo RelayOnlyNumber() => Seeded(n => n.RelayOnly);

    protected async Task<string> CreateNumberAsync(string name = "Loja Nova · Vendas", string number = "+5511987654321")
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/numbers", body: new { name, number });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("instance").GetProperty("id").GetString()!;
    }

    protected async Task<HttpResponseMessage> ScanAsync(string numberId, string code) =>
        await SendAsync(HttpMethod.Post, $"/sandbox/numbers/{numberId}/scan", body: new { code });

    protected async Task<string> LiveStateAsync(string numberId) =>
        (await GetJsonAsync($"/v1/numbers/{numberId}/status")).GetProperty("state").GetString()!;
}
