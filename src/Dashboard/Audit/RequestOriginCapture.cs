using Dashboard.Core.Audit;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Audit;

/// <summary>
/// Fills in <see cref="RequestOrigin"/> for audit entries: per HTTP request from the connection, and once per interactive
/// circuit when it opens (the circuit's own scope never sees an HttpContext afterwards).
/// </summary>
public static class RequestOriginCapture
{
    public static IServiceCollection AddRequestOriginCapture(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitHandler, CircuitOriginHandler>();
        return services;
    }

    public static IApplicationBuilder UseRequestOriginCapture(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<RequestOrigin>().IpAddress = context.Connection.RemoteIpAddress?.ToString();
            return next(context);
        });

    private sealed class CircuitOriginHandler(RequestOrigin origin, IHttpContextAccessor http) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            // The circuit opens inside the hub call that started it, the one moment its HttpContext is the browser's connection.
            origin.IpAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
            return Task.CompletedTask;
        }
    }
}
