using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;

namespace Dashboard.Tests.Contract;

/// <summary>A test send from the dashboard's client against the sandbox: the number's key, the status as time passes, the refusals.</summary>
public sealed class SendContractTests : ContractTestBase
{
    [Fact]
    public async Task A_text_goes_out_with_the_numbers_key_and_its_status_follows_the_clock()
    {
        var api = await StartAsync();
        var number = api.OpenQrNumber();

        var sent = (await api.Client.SendTextAsync(number.Id, new OutgoingText("(11) 98888-7777", "Teste do painel"))).Failure;
        Assert.NotNull(sent); // Without a country code the client cannot tell the phone apart from a local number.

        var message = (await api.Client.SendTextAsync(number.Id, new OutgoingText("+55 11 98888-7777", "Teste do painel"))).Value!;
        var queued = (await api.Client.GetMessageStatusAsync(number.Id, message.Id)).Value!;
        api.SandboxClock.Advance(TimeSpan.FromSeconds(3));
        var delivered = (await api.Client.GetMessageStatusAsync(number.Id, message.Id)).Value!;

        Assert.True(message.Status.IsQueued);
        Assert.Equal(number.Name, message.Origin);
        Assert.True(queued.Status.IsQueued);
        Assert.Equal("+5511988887777", queued.DestinationNumber);
        Assert.True(delivered.Status.IsDelivered);
        Assert.True(delivered.Status.IsFinal);
        Assert.Equal(1, api.Requests.Get("POST /v1/messages/send")); // Straight with the number key: no refused tenant-key try.
    }

    [Fact]
    public async Task A_failing_recipient_ends_failed_with_the_reason()
    {
        var api = await StartAsync();
        var number = api.OpenQrNumber();

        var message = (await api.Client.SendTextAsync(number.Id, new OutgoingText("+5511900001234", "Oi"))).Value!;
        api.SandboxClock.Advance(TimeSpan.FromSeconds(1));
        var failed = (await api.Client.GetMessageStatusAsync(number.Id, message.Id)).Value!;

        Assert.True(failed.Status.IsFailed);
        Assert.Contains("WHATSAPP_NOT_EXIST", failed.ErrorMessage);
    }

    [Fact]
    public async Task The_status_is_read_through_the_number_key_when_the_tenant_key_is_refused()
    {
        var api = await StartAsync();
        api.State.RefuseTenantKeyOnPerNumberEndpoints = true;
        var number = api.OpenQrNumber();
        var message = (await api.Client.SendTextAsync(number.Id, new OutgoingText("+5511988887777", "Oi"))).Value!;

        var receipt = await api.Client.GetMessageStatusAsync(number.Id, message.Id);

        Assert.True(receipt.Succeeded, receipt.Failure?.Message);
        Assert.Equal(message.Id, receipt.Value.Id);
    }

    [Fact]
    public async Task A_disconnected_number_cannot_send_and_says_so()
    {
        var api = await StartAsync();
        var number = api.ClosedQrNumber();

        var failure = (await api.Client.SendTextAsync(number.Id, new OutgoingText("+5511988887777", "Oi"))).Failure!;

        Assert.Equal((ApiFailureKind.Conflict, "WHATSAPP_INSTANCE_NOT_CONNECTED"), (failure.Kind, failure.Code));
        Assert.Contains("Reconnect it", failure.Message);
    }

    [Fact]
    public async Task A_legacy_number_cannot_send_until_its_key_is_regenerated()
    {
        var api = await StartAsync();

        var failure = (await api.Client.SendTextAsync(api.LegacyKeyNumber().Id, new OutgoingText("+5511988887777", "Oi"))).Failure!;

        Assert.Equal(ApiFailureKind.Forbidden, failure.Kind);
        Assert.Contains("must be regenerated", failure.Message);
        Assert.Equal(0, api.Requests.Get("POST /v1/messages/send"));
    }
}
