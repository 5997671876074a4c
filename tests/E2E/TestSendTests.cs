using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A test send from a connected sandbox number, followed until the sandbox reports it delivered.</summary>
public sealed class TestSendTests() : DashboardSession(Settings())
{
    private static Dictionary<string, string> Settings()
    {
        var settings = WithAdministrator();
        settings["Logging:LogLevel:Dashboard.Sandbox.SandboxHost"] = "Information"; // Its start line names the sandbox's address.
        return settings;
    }

    [Fact]
    public async Task A_test_send_from_a_connected_number_shows_its_id_and_then_Delivered()
    {
        await SignInAsAdministratorAsync();
        var id = await ConnectedQrNumberAsync();

        await Page.GotoAsync($"/numbers/{id}");
        var card = Page.Locator(".test-send");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Send a test message" })).ToBeVisibleAsync();
        var messageId = card.Locator(".message-id");
        // The fields and the button are enabled once the circuit is up: fill and send once.
        await card.GetByLabel("Phone").FillAsync("(11) 98888-7777");
        await card.GetByLabel("Text").FillAsync("Teste do painel");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(messageId).Not.ToBeEmptyAsync();
        await Assertions.Expect(card.Locator(".message-status")).ToContainTextAsync("Delivered", new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    private async Task<string> ConnectedQrNumberAsync()
    {
        var match = Regex.Match(Server.Output, @"Pilot Status sandbox listening on (http://\S+) with");
        Assert.True(match.Success, "The dashboard did not log the sandbox's address.");
        using var sandbox = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        sandbox.DefaultRequestHeaders.Add("x-api-key", "ps_sandbox_tenant_key");
        using var list = JsonDocument.Parse(await sandbox.GetStringAsync("/v1/numbers"));
        var items = list.RootElement.ValueKind == JsonValueKind.Array ? list.RootElement : list.RootElement.GetProperty("data");
        return items.EnumerateArray()
            .First(n => n.TryGetProperty("state", out var s) && s.GetString() == "OPEN"
                && n.TryGetProperty("provider", out var p) && p.GetString() == "PILOT_STATUS")
            .GetProperty("id").GetString()!;
    }
}
