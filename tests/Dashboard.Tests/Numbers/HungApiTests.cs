using System.Net;
using Dashboard.Core.PilotStatus;
using Dashboard.Sandbox;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using FaultRule = PilotStatus.Sandbox.FaultRule;

namespace Dashboard.Tests.Numbers;

/// <summary>
/// The real app with a Pilot Status that holds every request: pages go out at once with their loading state, because
/// prerendering never calls the API; the interactive render asks, and the client gives up within about 10 s.
/// </summary>
public sealed class HungApiTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _app = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SetUpFirstAdministratorAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword)).StatusCode);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/numbers", "Loading numbers")]
    [InlineData("/numbers/{id}", "Loading the number")]
    [InlineData("/numbers/{id}/connect", "Loading the number")]
    public async Task A_page_is_prerendered_with_its_loading_state_without_calling_Pilot_Status(string path, string loading)
    {
        var sandbox = _app.Services.GetRequiredService<SandboxHost>().Running;
        var id = sandbox.State.GetNumbers()[0].Id;
        sandbox.Faults.Add(FaultRule.Timeout());
        var callsBefore = sandbox.Requests.Total;

        using var response = await _client.GetAsync(path.Replace("{id}", id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"aria-label=\"{loading}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(callsBefore, sandbox.Requests.Total);
        Assert.Equal(0, sandbox.Faults.HeldRequests);
    }

    [Fact]
    public void A_call_to_a_hung_API_is_given_up_within_10_seconds_all_retries_included()
    {
        var shipped = new PilotStatusClientOptions();

        Assert.True(shipped.TotalTimeout <= TimeSpan.FromSeconds(10), $"A hung API is explained only after {shipped.TotalTimeout}.");
        Assert.True(shipped.AttemptTimeout < shipped.TotalTimeout);
    }
}
