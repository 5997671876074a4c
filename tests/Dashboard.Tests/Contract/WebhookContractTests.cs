using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using Dashboard.Tests.Sandbox;

namespace Dashboard.Tests.Contract;

/// <summary>The client's webhook calls against the sandbox, over real HTTP, including a real delivery to a loopback receiver.</summary>
public sealed class WebhookContractTests : ContractTestBase
{
    [Fact]
    public async Task A_webhook_is_created_listed_changed_paused_and_deleted()
    {
        var api = await StartAsync();
        var number = api.OpenQrNumber();

        var created = (await api.Client.CreateWebhookAsync(number.Id, new NewWebhook("n8n", "https://hooks.acme.test/in", [WebhookEvents.MessageReceived]))).Value!;
        var listed = (await api.Client.ListWebhooksAsync(number.Id)).Value!;
        var changed = (await api.Client.UpdateWebhookAsync(number.Id, created.Id, new WebhookChange(Events: [WebhookEvents.NumberConnected, WebhookEvents.NumberDisconnected]))).Value!;
        var paused = (await api.Client.UpdateWebhookAsync(number.Id, created.Id, WebhookChange.Pause)).Value!;
        var logs = (await api.Client.GetWebhookLogsAsync(number.Id, created.Id)).Value!;
        var deleted = await api.Client.DeleteWebhookAsync(number.Id, created.Id);
        var again = await api.Client.DeleteWebhookAsync(number.Id, created.Id);

        Assert.Equal((created.Id, "n8n", true), (Assert.Single(listed).Id, listed[0].Name, listed[0].Active));
        Assert.Equal([number.Id], created.NumberIds);
        Assert.Equal([WebhookEvents.NumberConnected, WebhookEvents.NumberDisconnected], changed.Events);
        Assert.False(paused.Active);
        Assert.Equal(changed.Events, paused.Events);
        Assert.Empty(logs);
        Assert.True(deleted.Succeeded, deleted.Failure?.Message);
        Assert.Equal((ApiFailureKind.NotFound, "WEBHOOK_NOT_FOUND"), (again.Failure!.Kind, again.Failure.Code));
        Assert.Empty((await api.Client.ListWebhooksAsync(number.Id)).Value!);
    }

    [Fact]
    public async Task Another_tenants_number_cannot_get_a_webhook()
    {
        var api = await StartAsync();

        var failure = (await api.Client.CreateWebhookAsync(api.OtherTenantNumber().Id, new NewWebhook("x", "https://x.test/in", ["*"]))).Failure!;

        Assert.Equal((ApiFailureKind.NotFound, "NUMBER_NOT_FOUND"), (failure.Kind, failure.Code));
    }

    [Fact]
    public async Task A_disconnect_reaches_the_receiver_and_its_delivery_shows_in_the_clients_log()
    {
        var api = await StartAsync();
        await using var receiver = WebhookReceiver.Start();
        var number = api.OpenQrNumber();
        var webhook = (await api.Client.CreateWebhookAsync(
            number.Id, new NewWebhook("Dashboard", receiver.Url.ToString(), [.. WebhookEvents.NumberLifecycle]))).Value!;

        api.State.Disconnect(number.Id);
        var received = Assert.Single(await receiver.WaitForAsync(1));
        var delivery = await WaitForDeliveryAsync(api, number.Id, webhook.Id);

        Assert.Equal(WebhookEvents.NumberDisconnected, received.Event);
        Assert.Equal(number.Id, received.Data.GetProperty("numberId").GetString());
        Assert.True(delivery.Succeeded);
        Assert.Equal((WebhookEvents.NumberDisconnected, 200, "received"), (delivery.Event, delivery.StatusCode, delivery.Response));
        Assert.Contains(received.Id, delivery.Payload);
        Assert.NotNull(delivery.Duration);
        Assert.Equal(ContractFixture.Start, delivery.CreatedAt);
        Assert.Equal(ContractFixture.Start, Assert.Single((await api.Client.ListWebhooksAsync(number.Id)).Value!).LastTriggered);
    }

    private static async Task<WebhookDelivery> WaitForDeliveryAsync(ContractFixture api, string numberId, string webhookId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var logs = (await api.Client.GetWebhookLogsAsync(numberId, webhookId)).Value!;
            if (logs.Count > 0)
            {
                return Assert.Single(logs);
            }

            Assert.True(DateTime.UtcNow < deadline, "The delivery never reached the log.");
            await Task.Delay(10);
        }
    }
}
