namespace PilotStatus.Sandbox;

public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the simulated API under <c>/v1</c> and its control surface under <c>/sandbox</c>. Both authenticate with
    /// <c>x-api-key</c> themselves, so they are exempt from the host's own authorization.
    /// </summary>
    public static IEndpointConventionBuilder MapPilotStatusSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var root = endpoints.MapGroup(string.Empty).AllowAnonymous();

        // Counting runs first so faulted and refused requests are counted too; faults run before authentication.
        var v1 = root.MapGroup("/v1")
            .AddEndpointFilter(RequestCountingFilter.InvokeAsync)
            .AddEndpointFilter(FaultFilter.InvokeAsync);

        var tenantScoped = v1.MapGroup(string.Empty).AddEndpointFilter(ApiKeyAuthentication.RequireTenantScope);
        tenantScoped.MapNumberEndpoints();
        tenantScoped.MapConnectEndpoints();
        tenantScoped.MapApiKeyEndpoints();

        var numberScoped = v1.MapGroup(string.Empty).AddEndpointFilter(ApiKeyAuthentication.RequireNumberScope);
        numberScoped.MapMessageEndpoints();
        numberScoped.MapMessageStatusEndpoint();
        numberScoped.MapAnalyticsEndpoints();

        v1.MapGroup(string.Empty).AddEndpointFilter(ApiKeyAuthentication.RequireNumberKey).MapSendEndpoint();
        v1.MapGroup(string.Empty).AddEndpointFilter(ApiKeyAuthentication.RequireAnyKey).MapWebhookEndpoints();

        root.MapGroup("/sandbox")
            .AddEndpointFilter(ApiKeyAuthentication.RequireTenantScope)
            .MapControlEndpoints();

        return root;
    }
}
