using Bunit;
using Dashboard.Browser;
using Dashboard.Components.Pages.Messages;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Messages;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using MessageStatus = Dashboard.Core.PilotStatus.Messages.MessageStatus;
using Dashboard.Core.Settings;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Dashboard.Tests.Messages;

public sealed class TestSendCardTests : OneNumberTestContext
{
    public TestSendCardTests()
    {
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<DashboardSettings>();
        Services.AddTransient<TestSends>();
    }

    private FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-11-23T12:00:00Z"));

    private static ApiResult<MessageReceipt> Receipt(string id, MessageStatus status, string? error = null) =>
        ApiResult.Success(new MessageReceipt(id, status, null, "+5511999998888", null, null, null, null, null, error));

    [Fact]
    public void A_send_shows_the_message_id_then_follows_its_status_until_delivered_and_stops_there()
    {
        var card = Render<TestSendCard>(p => p.Add(x => x.NumberId, NumberId));
        card.WaitForElement(".test-send");

        Send(card, "(11) 99999-8888", "Teste do painel");

        card.WaitForAssertion(() => Assert.Equal("msg_1", card.Find(".message-id").TextContent));
        Assert.Equal(("num-padaria", "+5511999998888"), (Api.Sends[0].NumberId, Api.Sends[0].Message.To));
        Assert.Contains("Queued", card.Find(".message-status").TextContent);
        Assert.NotNull(card.Find("button[aria-label='Copy message ID']"));

        Api.Receipts["msg_1"] = Receipt("msg_1", MessageStatus.Sent);
        Clock.Advance(TestSendCard.PollEvery);
        card.WaitForAssertion(() => Assert.Contains("Sent", card.Find(".message-status").TextContent));

        Api.Receipts["msg_1"] = Receipt("msg_1", MessageStatus.Delivered);
        Clock.Advance(TestSendCard.PollEvery);
        card.WaitForAssertion(() => Assert.Contains("Delivered", card.Find(".message-status").TextContent));

        // Delivered is final: a later Read is not asked for any more.
        Api.Receipts["msg_1"] = Receipt("msg_1", MessageStatus.Read);
        Clock.Advance(TestSendCard.PollEvery * 3);
        card.Render();
        Assert.Contains("Delivered", card.Find(".message-status").TextContent);
    }

    [Fact]
    public void A_failed_message_shows_its_reason()
    {
        var card = Render<TestSendCard>(p => p.Add(x => x.NumberId, NumberId));
        card.WaitForElement(".test-send");
        Send(card, "(11) 99999-8888", "Oi");
        card.WaitForAssertion(() => Assert.Equal("msg_1", card.Find(".message-id").TextContent));

        Api.Receipts["msg_1"] = Receipt("msg_1", MessageStatus.Failed, "Recipient is not on WhatsApp");
        Clock.Advance(TestSendCard.PollEvery);

        card.WaitForAssertion(() => Assert.Contains("Failed", card.Find(".message-status").TextContent));
        Assert.Contains("Reason: Recipient is not on WhatsApp", card.Find(".test-send-result").TextContent);
    }

    [Fact]
    public void A_phone_without_area_code_is_refused_with_what_to_do_and_nothing_is_sent()
    {
        var card = Render<TestSendCard>(p => p.Add(x => x.NumberId, NumberId));
        card.WaitForElement(".test-send");

        Send(card, "99999-8888", "Oi");

        card.WaitForAssertion(() => Assert.Contains(PhoneInput.MissingAreaCode, card.Find("[role=alert]").TextContent));
        Assert.Empty(Api.Sends);
    }

    [Fact]
    public async Task Support_sees_no_test_send_until_an_administrator_allows_it()
    {
        var customer = await Database.AddCustomerAsync("Padaria Estrela");
        await Database.AssignAsync(NumberId, customer);
        await using (var db = Database.CreateDbContext())
        {
            db.Users.Add(new Operator { Id = "operator-1", UserName = "ana@example.com", Email = "ana@example.com", DisplayName = "Ana", CreatedAt = DateTime.UtcNow });
            db.OperatorCustomers.Add(new OperatorCustomer { OperatorId = "operator-1", CustomerId = customer });
            await db.SaveChangesAsync();
        }

        SignIn(OperatorRoles.Support);
        var hidden = Render<TestSendCard>(p => p.Add(x => x.NumberId, NumberId));
        hidden.WaitForAssertion(() => Assert.Empty(hidden.FindAll(".test-send")));

        await Services.GetRequiredService<DashboardSettings>().SetFlagAsync(DashboardSettingKeys.SupportMaySendTestMessages, true, "admin");
        var shown = Render<TestSendCard>(p => p.Add(x => x.NumberId, NumberId));

        shown.WaitForElement(".test-send");
    }

    [Fact]
    public void The_administrator_switch_allows_Support_to_send_and_is_audited()
    {
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = Render<SupportTestSendSwitch>();
        var input = page.WaitForElement("input[type=checkbox]");

        input.Change(true);

        page.WaitForAssertion(() => Assert.True(Services.GetRequiredService<DashboardSettings>().GetFlagAsync(DashboardSettingKeys.SupportMaySendTestMessages).Result));
        using var db = Database.CreateDbContext();
        var audited = Assert.Single(db.AuditEntries.ToList());
        Assert.Equal(AuditActions.SettingChanged, audited.Action);
        Assert.Contains(DashboardSettingKeys.SupportMaySendTestMessages, audited.Detail);
    }

    private static void Send(IRenderedComponent<TestSendCard> card, string phone, string text)
    {
        var fields = card.FindAll("input, textarea");
        fields[0].Input(phone);
        card.FindAll("input, textarea")[1].Input(text);
        card.FindAll("button").Single(b => b.TextContent.Trim() == "Send").Click();
    }
}
