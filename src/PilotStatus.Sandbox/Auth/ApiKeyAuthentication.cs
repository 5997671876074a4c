using Microsoft.AspNetCore.Http.Features;

namespace PilotStatus.Sandbox;

/// <summary>
/// The <c>x-api-key</c> (or <c>x-api-key-id</c>) check and the two documented scopes. A tenant key manages numbers;
/// a number key acts on its own number's data. Filters put the result on the request for the handlers.
/// </summary>
internal static class ApiKeyAuthentication
{
    public const string ApiKeyHeader = "x-api-key";
    public const string ApiKeyIdHeader = "x-api-key-id";
    public const string NumberIdHeader = "x-whatsapp-number-id";

    /// <summary>For <c>/v1/numbers*</c>, <c>/v1/api-keys</c> and <c>/sandbox</c>: the tenant key only.</summary>
    public static ValueTask<object?> RequireTenantScope(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var caller = Identify(http, state, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult<object?>(refusal);
        }

        if (caller.Tenant is null)
        {
            // Docs disagree on number keys under /v1/numbers; the sandbox follows the stricter best-practices page.
            return ValueTask.FromResult<object?>(ApiErrors.NumberScopeNotAllowed());
        }

        http.Features.Set(new TenantCaller(caller.Tenant));
        return next(context);
    }

    /// <summary>For per-number data: a number key's own number, or the tenant key naming one of its numbers in the header.</summary>
    public static ValueTask<object?> RequireNumberScope(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var caller = Identify(http, state, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult<object?>(refusal);
        }

        var target = caller.Number;
        if (caller.Tenant is { } tenant)
        {
            var numberId = http.Request.Headers[NumberIdHeader].ToString();
            if (state.RefuseTenantKeyOnPerNumberEndpoints || string.IsNullOrWhiteSpace(numberId))
            {
                return ValueTask.FromResult<object?>(ApiErrors.TenantScopeNotAllowed());
            }

            target = state.FindOwnedNumber(tenant, numberId.Trim());
            if (target is null)
            {
                return ValueTask.FromResult<object?>(ApiErrors.NumberNotFound());
            }
        }

        http.Features.Set(new NumberTarget(target!));
        return next(context);
    }

    /// <summary>
    /// For <c>/v1/webhooks*</c>: either scope. A number key acts on its own number; the tenant key names the number itself
    /// (header or body), which the handlers resolve.
    /// </summary>
    public static ValueTask<object?> RequireAnyKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var caller = Identify(http, state, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult<object?>(refusal);
        }

        http.Features.Set(new KeyCaller(caller.Tenant ?? caller.Number!.Tenant, caller.Number));
        return next(context);
    }

    /// <summary>For sending: a number key only; the tenant key is refused even when it names a number (documented).</summary>
    public static ValueTask<object?> RequireNumberKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var caller = Identify(http, state, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult<object?>(refusal);
        }

        if (caller.Number is null)
        {
            return ValueTask.FromResult<object?>(ApiErrors.TenantScopeNotAllowed());
        }

        http.Features.Set(new NumberTarget(caller.Number));
        return next(context);
    }

    /// <summary>The caller's tenant, and its number when it used a number key.</summary>
    public static (Tenant Tenant, SandboxNumber? Number) Caller(this HttpContext http) =>
        http.Features.GetRequiredFeature<KeyCaller>() is var caller ? (caller.Tenant, caller.Number) : default;

    public static Tenant CallerTenant(this HttpContext http) => http.Features.GetRequiredFeature<TenantCaller>().Tenant;

    public static SandboxNumber TargetNumber(this HttpContext http) => http.Features.GetRequiredFeature<NumberTarget>().Number;

    private static (Tenant? Tenant, SandboxNumber? Number) Identify(HttpContext http, SandboxState state, out IResult? refusal)
    {
        refusal = null;
        var key = http.Request.Headers[ApiKeyHeader].ToString().Trim();
        var keyId = http.Request.Headers[ApiKeyIdHeader].ToString().Trim();
        if (key.Length == 0 && keyId.Length == 0)
        {
            refusal = ApiErrors.Unauthorized("Missing API key: send it in the x-api-key header.");
            return default;
        }

        foreach (var tenant in (Tenant[])[state.PrimaryTenant, state.OtherTenant])
        {
            if (key.Length > 0 ? string.Equals(key, tenant.ApiKey, StringComparison.Ordinal) : string.Equals(keyId, tenant.ApiKeyId, StringComparison.Ordinal))
            {
                return (tenant, null);
            }
        }

        var number = key.Length > 0 ? state.Fleet.FindByKey(key) : state.Fleet.FindByKeyId(keyId);
        if (number is null)
        {
            refusal = ApiErrors.Unauthorized("Invalid API key");
            return default;
        }

        return (null, number);
    }

    private sealed record TenantCaller(Tenant Tenant);

    private sealed record NumberTarget(SandboxNumber Number);

    private sealed record KeyCaller(Tenant Tenant, SandboxNumber? Number);
}
