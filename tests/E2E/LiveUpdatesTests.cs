using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>Live updates against the sandbox: the sandbox posts real webhook events to the dashboard it runs in.</summary>
public sealed class LiveUpdatesTests() : DashboardSession(Settings())
{
    private static Dictionary<string, string> Settings()
    {
        var settings = WithAdministrator();
        settings["Logging:LogLevel:Dashboard.Sandbox.SandboxHost"] = "Information"; // Its start line names the sandbox's address.
        return settings;
    }

    [Fact]
    public async Task With_live_updates_on_a_scan_turns_the_badge_connected_in_the_open_list_without_a_reload()
    {
        await SignInAsAdministratorAsync();
        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Live updates" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enable live updates" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText(new Regex(@"Webhook added to \d+ numbers; 0 already had it; 0 failed\."))).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        using var sandbox = SandboxClient();
        var id = await DisconnectedQrNumberAsync(sandbox);
        (await sandbox.GetAsync($"/v1/numbers/{id}/connect")).EnsureSuccessStatusCode(); // The phone is shown a code.

        await numbers.OpenAsync($"?q={id}");
        var row = numbers.Row(id);
        await Assertions.Expect(row.Locator(".state-badge")).Not.ToHaveTextAsync("Connected");
        await Page.EvaluateAsync("() => window.liveUpdatesMarker = 'same page'");

        using var code = JsonDocument.Parse(await sandbox.GetStringAsync($"/sandbox/numbers/{id}/current-code"));
        var scan = await sandbox.PostAsJsonAsync($"/sandbox/numbers/{id}/scan", new { code = code.RootElement.GetProperty("pairingCode").GetString() });
        scan.EnsureSuccessStatusCode();

        await Assertions.Expect(row.Locator(".state-badge")).ToHaveTextAsync("Connected", new() { Timeout = 30_000 });
        Assert.Equal("same page", await Page.EvaluateAsync<string>("() => window.liveUpdatesMarker"));

        using var health = JsonDocument.Parse(await Page.APIRequest.GetAsync("/health").ContinueWith(t => t.Result.TextAsync()).Unwrap());
        Assert.True(health.RootElement.GetProperty("checks").GetProperty("live-updates").GetProperty("data").GetProperty("processed").GetInt64() >= 1);
    }

    private HttpClient SandboxClient()
    {
        var match = Regex.Match(Server.Output, @"Pilot Status sandbox listening on (http://\S+) with");
        Assert.True(match.Success, "The dashboard did not log the sandbox's address.");
        var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        client.DefaultRequestHeaders.Add("x-api-key", "ps_sandbox_tenant_key");
        return client;
    }

    private static async Task<string> DisconnectedQrNumberAsync(HttpClient sandbox)
    {
        using var list = JsonDocument.Parse(await sandbox.GetStringAsync("/v1/numbers"));
        var items = list.RootElement.ValueKind == JsonValueKind.Array ? list.RootElement : list.RootElement.GetProperty("data");
        return items.EnumerateArray()
            .First(n => n.TryGetProperty("state", out var s) && s.GetString() == "CLOSE"
                && n.TryGetProperty("provider", out var p) && p.GetString() == "PILOT_STATUS")
            .GetProperty("id").GetString()!;
    }
}
