using Dashboard.Core;
using Dashboard.Core.PilotStatus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.PilotStatus;

public class RegistrationTests
{
    private static ServiceProvider BuildCore(Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PilotStatus:Mode"] = "Live",
            ["PilotStatus:BaseUrl"] = "https://pilotstatus.com.br/v1",
            ["PilotStatus:TenantApiKey"] = "ps_live_tenant_key",
            ["PilotStatus:Client:NumberListLifetime"] = "00:00:20",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        before?.Invoke(services);
        services.AddDashboardCore(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_core_composition_registers_the_client_with_the_configured_live_endpoint()
    {
        using var provider = BuildCore();

        Assert.NotNull(provider.GetRequiredService<IPilotStatusClient>());
        var endpoint = provider.GetRequiredService<IPilotStatusEndpoint>();
        Assert.Equal(new Uri("https://pilotstatus.com.br/"), endpoint.BaseAddress); // a trailing /v1 would double every route
        Assert.Equal("ps_live_tenant_key", endpoint.TenantApiKey);
    }

    [Fact]
    public void Client_figures_bind_from_the_PilotStatus_Client_section()
    {
        using var provider = BuildCore();

        var figures = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PilotStatusClientOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(20), figures.NumberListLifetime);
        Assert.Equal(5, figures.BreakerMinimumThroughput);
    }

    [Fact]
    public void An_endpoint_registered_first_wins_so_the_sandbox_can_supply_its_own()
    {
        var sandbox = new SandboxEndpoint();
        using var provider = BuildCore(services => services.AddSingleton<IPilotStatusEndpoint>(sandbox));

        Assert.Same(sandbox, provider.GetRequiredService<IPilotStatusEndpoint>());
    }

    [Fact]
    public void Inconsistent_figures_are_refused_with_the_setting_names()
    {
        var figures = new PilotStatusClientOptions { AttemptTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(10), RetryAttempts = 0 };

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(figures, new(figures), errors, validateAllProperties: true);

        Assert.Equal(
            [
                "PilotStatus:Client:RetryAttempts must be at least 1.",
                "PilotStatus:Client:TotalTimeout must be longer than PilotStatus:Client:AttemptTimeout, and both positive.",
                "PilotStatus:Client:BreakerSamplingDuration must be at least twice PilotStatus:Client:AttemptTimeout.",
            ],
            errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("https://pilotstatus.com.br", "https://pilotstatus.com.br/")]
    [InlineData("https://pilotstatus.com.br/", "https://pilotstatus.com.br/")]
    [InlineData("https://pilotstatus.com.br/v1/", "https://pilotstatus.com.br/")]
    [InlineData("http://127.0.0.1:5099/proxy/v1", "http://127.0.0.1:5099/proxy/")]
    public void The_configured_base_url_becomes_the_api_root(string configured, string root)
    {
        Assert.Equal(new Uri(root), ConfiguredPilotStatusEndpoint.ApiRoot(new Uri(configured)));
    }

    private sealed class SandboxEndpoint : IPilotStatusEndpoint
    {
        public Uri BaseAddress => new("http://127.0.0.1:5099/");

        public string TenantApiKey => "ps_sandbox";
    }
}
