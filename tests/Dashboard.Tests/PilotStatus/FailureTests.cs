using System.Net;
using Dashboard.Core.PilotStatus;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>Every failure kind reaches the caller as a result with a sentence a person can act on; nothing throws.</summary>
public class FailureTests
{
    [Fact]
    public async Task Unauthorized_points_at_the_tenant_key_setting()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.Unauthorized, error: "Invalid API key"));

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.Unauthorized, failure.Kind);
        Assert.Equal(
            "Pilot Status rejected the API key (HTTP 401). Check PilotStatus:TenantApiKey: it must be the tenant key from Profile → API " +
            "in Pilot Status, and it changes whenever someone regenerates it.",
            failure.Message);
    }

    [Fact]
    public async Task Forbidden_for_a_number_scoped_key_says_to_use_the_tenant_key()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.Forbidden, "NUMBER_SCOPE_NOT_ALLOWED", "Number-scoped keys cannot manage numbers"));

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal((ApiFailureKind.Forbidden, "NUMBER_SCOPE_NOT_ALLOWED"), (failure.Kind, failure.Code));
        Assert.Equal(
            "Pilot Status refused this for a number-scoped key (HTTP 403 NUMBER_SCOPE_NOT_ALLOWED). Check PilotStatus:TenantApiKey: " +
            "it must be the tenant key from Profile → API in Pilot Status, not the key of one number.",
            failure.Message);
    }

    [Fact]
    public async Task Not_found_names_the_number_and_the_tenant()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.NotFound, error: "Not found"));

        var failure = (await harness.Client.GetNumberAsync("wa_gone")).Failure!;

        Assert.Equal(ApiFailureKind.NotFound, failure.Kind);
        Assert.Equal(
            "Number 'wa_gone' was not found in this Pilot Status account: it may have been removed, or it belongs to another tenant. " +
            "Reload the list and try again.",
            failure.Message);
    }

    [Fact]
    public async Task Conflict_on_connect_says_the_number_is_already_connected()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.Conflict, error: "Instance already connected"));

        var failure = (await harness.Client.ConnectNumberAsync("wa_open")).Failure!;

        Assert.Equal(ApiFailureKind.Conflict, failure.Kind);
        Assert.Equal("Number 'wa_open' is already connected, so there is no new code to scan. Reload its status to see it.", failure.Message);
    }

    [Fact]
    public async Task Conflict_elsewhere_quotes_the_api()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.Conflict, "NUMBER_LIMIT_EXCEEDED", "Plan allows 3 numbers"));

        var failure = (await harness.Client.CreateNumberAsync(new("Vendas", "+5511999999999"))).Failure!;

        Assert.Equal((ApiFailureKind.Conflict, "NUMBER_LIMIT_EXCEEDED"), (failure.Kind, failure.Code));
        Assert.Equal(
            "Pilot Status refused this because of the current state (HTTP 409 NUMBER_LIMIT_EXCEEDED): \"Plan allows 3 numbers\". " +
            "Reload and check the state before trying again.",
            failure.Message);
    }

    [Fact]
    public async Task Invalid_request_carries_the_api_error_and_code()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.BadRequest, "INVALID_DATE_RANGE", "startDate must be before endDate."));

        var failure = (await harness.Client.GetMessageHistoryAsync("n1", new())).Failure!;

        Assert.Equal((ApiFailureKind.InvalidRequest, "INVALID_DATE_RANGE"), (failure.Kind, failure.Code));
        Assert.Equal(
            "Pilot Status rejected the request as invalid (HTTP 400 INVALID_DATE_RANGE): \"startDate must be before endDate\". Correct the input and try again.",
            failure.Message);
    }

    [Fact]
    public async Task Invalid_request_without_code_still_reads()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.BadRequest, error: "Validation error"));

        var failure = (await harness.Client.DeleteNumberAsync("n1")).Failure!;

        Assert.Equal((ApiFailureKind.InvalidRequest, null), (failure.Kind, failure.Code));
        Assert.Equal("Pilot Status rejected the request as invalid (HTTP 400): \"Validation error\". Correct the input and try again.", failure.Message);
    }

    [Fact]
    public async Task Server_error_is_unavailable_even_with_an_html_body()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 1);
        harness.Api.Respond(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad gateway</html>") });

        var failure = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal("Pilot Status answered with a server error (HTTP 502). This is usually temporary on their side: try again in a minute.", failure.Message);
    }

    [Fact]
    public async Task Network_error_is_unavailable_and_names_the_host()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 1);
        harness.Api.Respond((_, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (pilotstatus.test:443)")));

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal(
            "Could not reach Pilot Status at https://pilotstatus.test (the connection was refused or could not be made). " +
            "Check the network connection and PilotStatus:BaseUrl, then try again.",
            failure.Message);
    }

    [Fact]
    public async Task Timeout_is_unavailable()
    {
        await using var harness = new ClientHarness(o =>
        {
            o.RetryAttempts = 1;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
            o.BreakerSamplingDuration = TimeSpan.FromSeconds(2);
        });
        harness.Api.Respond(async (_, _) =>
        {
            await new TaskCompletionSource().Task; // a server that never answers: only the caller's side can end the call
            return Json(HttpStatusCode.OK, "[]");
        });

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal("Pilot Status did not answer in time. Try again in a minute; if it keeps happening, check the network connection.", failure.Message);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "state": 42, "isFullyConnected": "maybe" }""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Json_that_does_not_parse_is_malformed(string body)
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, body));

        var failure = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        Assert.Equal(ApiFailureKind.MalformedResponse, failure.Kind);
        Assert.StartsWith("Pilot Status sent a response the dashboard could not read (", failure.Message);
        Assert.EndsWith("The API may have changed; try again later and report it if it persists.", failure.Message);
    }

    [Fact]
    public async Task Json_missing_a_required_member_is_malformed_and_says_which()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, """[ { "name": "no id" } ]"""));

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.MalformedResponse, failure.Kind);
        Assert.Equal(
            "Pilot Status sent a response the dashboard could not read (the response has no number id). " +
            "The API may have changed; try again later and report it if it persists.",
            failure.Message);
    }

    [Fact]
    public async Task Payment_required_is_forbidden_with_the_plan_hint()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.PaymentRequired, "SUBSCRIPTION_REQUIRED_FOR_MEDIA", "Paid plan required"));

        var failure = (await harness.Client.GetAnalyticsAsync("n1")).Failure!;

        Assert.Equal((ApiFailureKind.Forbidden, "SUBSCRIPTION_REQUIRED_FOR_MEDIA"), (failure.Kind, failure.Code));
        Assert.Contains("Check the plan in Pilot Status.", failure.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_dressed_up_as_a_failure()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(async (_, _) =>
        {
            await new TaskCompletionSource().Task; // a server that never answers: only the caller's side can end the call
            return Json(HttpStatusCode.OK, "{}");
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.GetLiveStatusAsync("n1", cancel.Token));
    }
}
