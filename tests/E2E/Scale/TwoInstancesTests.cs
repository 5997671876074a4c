using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E.Scale;

/// <summary>Two instances behind HAProxy, one database and one Redis: whichever instance serves a page, it shows the same.</summary>
[Trait("Category", "Scale")]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (ScaleTopology.Running)
        {
            (_playwright, _browser) = await Browser.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [ScaleFact]
    public async Task An_event_posted_to_instance_A_changes_the_badge_on_B_without_a_reload()
    {
        var page = await ScaleTopology.SignedInPageAsync(_browser!, ScaleTopology.InstanceB);
        var (id, state) = (await ScaleTopology.NumbersAsync()).First(n => n.State == "CLOSE");
        var numbers = new NumbersPage(page);
        await numbers.OpenAsync($"?q={id}");
        var badge = numbers.Row(id).Locator(".state-badge");
        await Assertions.Expect(badge).ToHaveTextAsync("Disconnected");
        await page.EvaluateAsync("() => window.samePage = true");

        using var http = new HttpClient();
        (await ScaleTopology.PostEventAsync(http, ScaleTopology.InstanceA, "number.connected", id, DateTimeOffset.UtcNow)).EnsureSuccessStatusCode();
        await Assertions.Expect(badge).ToHaveTextAsync("Connected");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Checked before the disconnect: its notice (a MudBlazor snackbar) fails axe's contrast rule, in one instance as in two.
        (await ScaleTopology.PostEventAsync(http, ScaleTopology.InstanceA, "number.disconnected", id, DateTimeOffset.UtcNow)).EnsureSuccessStatusCode();
        await Assertions.Expect(badge).ToHaveTextAsync("Disconnected");
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"));
    }

    [ScaleFact]
    public async Task A_sign_in_through_the_balancer_is_accepted_by_either_instance()
    {
        var page = await ScaleTopology.SignedInPageAsync(_browser!, ScaleTopology.Balancer);

        // Cookies belong to the host, not the port: the same sign-in cookie now goes to A and to B directly.
        foreach (var instance in new[] { ScaleTopology.InstanceA, ScaleTopology.InstanceB })
        {
            await page.GotoAsync(new Uri(instance, "/numbers").ToString());
            await new ShellPage(page).ExpectShownAsync("Numbers");
            Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.Ordinal);
        }
    }

    [ScaleFact]
    public async Task The_balancer_keeps_a_visitor_on_one_instance()
    {
        var page = await ScaleTopology.SignedInPageAsync(_browser!, ScaleTopology.Balancer);
        var pinned = (await page.Context.CookiesAsync()).Single(c => c.Name == "FLEETSRV").Value;

        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/numbers");
            await new ShellPage(page).ExpectShownAsync("Numbers");
            Assert.Equal(pinned, (await page.Context.CookiesAsync()).Single(c => c.Name == "FLEETSRV").Value);
        }
    }
}

/// <summary>A settings change on one instance applies on the other at once. Runs on its own: it requires 2FA of everyone.</summary>
[Trait("Category", "ScaleTwoFactor")]
public sealed class TwoFactorAcrossInstancesTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (ScaleTopology.Running)
        {
            (_playwright, _browser) = await Browser.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [ScaleFact]
    public async Task Requiring_two_factor_sign_in_on_A_sends_an_operator_on_B_to_enrol_at_once()
    {
        var onB = await ScaleTopology.SignedInPageAsync(_browser!, ScaleTopology.InstanceB);
        var onA = await ScaleTopology.SignedInPageAsync(_browser!, ScaleTopology.InstanceA);
        var operators = new OperatorsPage(onA);
        await operators.OpenAsync();

        await operators.RequireTwoFactorAsync();

        await onB.GotoAsync("/numbers");
        await new TwoFactorPages(onB).ExpectEnrolmentAsync();
    }
}
