using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E.Scale;

/// <summary>
/// The several-instance topology ./scale-test.sh starts (Redis, PostgreSQL, a standalone sandbox, instances A and B,
/// HAProxy), read from the environment it sets. Outside it these tests are skipped.
/// </summary>
public static class ScaleTopology
{
    public static Uri Balancer => Url("SCALE_BALANCER_URL");

    public static Uri InstanceA => Url("SCALE_A_URL");

    public static Uri InstanceB => Url("SCALE_B_URL");

    public static Uri Sandbox => Url("SCALE_SANDBOX_URL");

    public static string ReceiverToken => Environment.GetEnvironmentVariable("SCALE_RECEIVER_TOKEN")!;

    public static string AdminEmail => Environment.GetEnvironmentVariable("SCALE_ADMIN_EMAIL")!;

    public static string AdminPassword => Environment.GetEnvironmentVariable("SCALE_ADMIN_PASSWORD")!;

    public static int InstanceAProcessId => int.Parse(Environment.GetEnvironmentVariable("SCALE_A_PID")!, System.Globalization.CultureInfo.InvariantCulture);

    public static string Database => Environment.GetEnvironmentVariable("SCALE_DATABASE")!;

    public static bool Running => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCALE_BALANCER_URL"));

    public static HttpClient SandboxClient()
    {
        var client = new HttpClient { BaseAddress = Sandbox };
        client.DefaultRequestHeaders.Add("x-api-key", "ps_sandbox_tenant_key");
        return client;
    }

    /// <summary>A webhook delivery as Pilot Status posts it, to one instance's receiver.</summary>
    public static Task<HttpResponseMessage> PostEventAsync(HttpClient http, Uri instance, string name, string numberId, DateTimeOffset at) =>
        http.PostAsync(new Uri(instance, $"/hooks/pilot-status/{ReceiverToken}"), new StringContent(
            JsonSerializer.Serialize(new { @event = name, data = new { id = numberId, numberId, createdAt = at.ToString("O") } }),
            Encoding.UTF8, "application/json"));

    public static async Task<IReadOnlyList<(string Id, string State)>> NumbersAsync()
    {
        using var sandbox = SandboxClient();
        using var list = JsonDocument.Parse(await sandbox.GetStringAsync("/v1/numbers"));
        var items = list.RootElement.ValueKind == JsonValueKind.Array ? list.RootElement : list.RootElement.GetProperty("data");
        return [.. items.EnumerateArray().Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("state").GetString()!))];
    }

    public static async Task<long> UpstreamListCallsAsync()
    {
        using var sandbox = SandboxClient();
        var counts = await sandbox.GetFromJsonAsync<Dictionary<string, long>>("/sandbox/requests");
        return counts!.GetValueOrDefault("GET /v1/numbers");
    }

    /// <summary>A browser page of its own on <paramref name="baseAddress"/>, signed in as the administrator.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await new SignInPage(page).SignInAsync(AdminEmail, AdminPassword);
        await new ShellPage(page).ExpectShownAsync("Numbers");
        return page;
    }

    private static Uri Url(string name) =>
        new(Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run ./scale-test.sh."));
}

/// <summary>A scenario that needs the topology of ./scale-test.sh; skipped, saying so, anywhere else.</summary>
public sealed class ScaleFactAttribute : FactAttribute
{
    public ScaleFactAttribute()
    {
        if (!ScaleTopology.Running)
        {
            Skip = "Needs Redis, PostgreSQL, two instances and HAProxy: run ./scale-test.sh.";
        }
    }
}
