using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

/// <summary>The dashboard may mount the sandbox in its own app, whose JSON settings and authorization must not leak in.</summary>
public sealed class SandboxMountingTests
{
    [Fact]
    public async Task Mounted_in_a_host_that_requires_sign_in_and_writes_PascalCase_it_still_answers_as_the_API()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = null);
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddPilotStatusSandbox(new SandboxOptions { FleetSize = 5 });
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPilotStatusSandbox();
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("x-api-key", app.Services.GetRequiredService<SandboxState>().TenantApiKey);

        using var response = await client.GetAsync("/v1/numbers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, body.RootElement.GetArrayLength());
        Assert.True(body.RootElement[0].TryGetProperty("isFullyConnected", out _));
        Assert.Equal(1, app.Services.GetRequiredService<RequestCounter>().Get("GET /v1/numbers"));
    }
}
