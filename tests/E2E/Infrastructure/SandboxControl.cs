using System.Net.Http.Json;

namespace Dashboard.E2E.Infrastructure;

/// <summary>The sandbox's control surface (<c>/sandbox/...</c>, see its README), reached at the address the dashboard logged.</summary>
public sealed class SandboxControl(Uri address) : IDisposable
{
    /// <summary>The sandbox's default tenant key; the end-to-end settings do not change it.</summary>
    public const string TenantApiKey = "ps_sandbox_tenant_key";

    private readonly HttpClient _http = new()
    {
        BaseAddress = address,
        DefaultRequestHeaders = { { "x-api-key", TenantApiKey } },
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<SandboxControl> ForAsync(DashboardServer server) => new(await server.SandboxAddressAsync());

    /// <summary>How many requests the sandbox has had for one endpoint pattern, e.g. <c>GET /v1/numbers/{id}/status</c>.</summary>
    public async Task<long> RequestsAsync(string endpoint)
    {
        var counts = await _http.GetFromJsonAsync<Dictionary<string, long>>("/sandbox/requests") ?? [];
        return counts.GetValueOrDefault(endpoint);
    }

    /// <summary>
    /// Back to the seeded fleet with no webhooks, sent messages, faults or request counts: what a fresh sandbox has.
    /// </summary>
    public async Task ResetAsync()
    {
        (await _http.PostAsync("/sandbox/reset", content: null)).EnsureSuccessStatusCode();
        (await _http.DeleteAsync("/sandbox/faults")).EnsureSuccessStatusCode();
        (await _http.DeleteAsync("/sandbox/requests")).EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
