using Bunit;
using Dashboard.Browser;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Numbers;

public sealed class NumberDetailPanelTests : NumberComponentTestContext
{
    [Fact]
    public void A_QR_number_shows_its_phone_both_states_id_instance_times_and_key_hints()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());

        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        panel.WaitForAssertion(() => Assert.Equal("Suporte", panel.Find("h1").TextContent));
        var text = panel.Find(".number-detail").TextContent;
        Assert.Contains("+55 11 99999-9999", text);
        Assert.Contains("+5511999999999", text);
        Assert.Contains("Pilot Status (QR)", text);
        Assert.Contains("Listed: Connected", text);
        Assert.Contains("Live: Connected", text);
        Assert.Contains("Ready to send", text);
        Assert.Equal(ContractNumbers.QrId, panel.Find(".number-id").TextContent);
        Assert.Contains("tenant-5511999999999", text);
        Assert.Contains("ps_abcd…wxyz", text);
        Assert.Contains("Pilot Status reports no health data for this number.", text);
        Assert.DoesNotContain("Refresh from Meta", text);
        Assert.Contains(panel.FindAll("time"), t => t.GetAttribute("title") == "2026-06-01 11:59:00 UTC");
        Assert.Contains(panel.FindAll("button"), b => b.TextContent.Contains("Remove"));
    }

    [Fact]
    public void A_Meta_number_shows_its_health_and_Meta_snapshot_and_can_refresh_it_from_Meta()
    {
        Api.Numbers.Add(ContractNumbers.Meta());
        Api.Details[ContractNumbers.MetaId] = ContractNumbers.Found(ContractNumbers.MetaDetail());

        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.MetaId));

        panel.WaitForAssertion(() => Assert.Equal("My WhatsApp", panel.Find("h1").TextContent));
        var text = panel.Find(".number-detail").TextContent;
        Assert.Contains("Meta Cloud API", text);
        foreach (var value in new[] { "High", "2,000 conversations/day", "Connected", "Acme LTDA", "8h-18h", "contato@acme.com", "https://acme.com", "RETAIL", "Acme WABA", "1029384756", "Verified", "BRL" })
        {
            Assert.Contains(value, text);
        }

        Assert.Contains("Read from Meta 3 hours ago.", text);
        foreach (var code in new[] { "GREEN", "TIER_2K", "CONNECTED" })
        {
            Assert.DoesNotContain(code, text);
        }

        panel.FindAll("button").Single(b => b.TextContent.Contains("Refresh from Meta")).Click();

        panel.WaitForAssertion(() => Assert.Equal((ContractNumbers.MetaId, true), Api.DetailRequests.Last()));
    }

    [Fact]
    public void The_copy_button_puts_the_exact_number_ID_on_the_clipboard_and_says_so()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());
        var copy = JSInterop.SetupVoid(ClipboardService.CopyFunction, ContractNumbers.QrId);
        copy.SetVoidResult();
        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        panel.WaitForElement("button[aria-label='Copy number ID']").Click();

        var invocation = copy.VerifyInvoke(ClipboardService.CopyFunction);
        Assert.Equal(ContractNumbers.QrId, Assert.Single(invocation.Arguments));
        panel.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Copied"));
    }

    [Fact]
    public void A_number_that_no_longer_exists_says_so_and_leads_back_to_the_list()
    {
        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, "num_removed_yesterday"));

        panel.WaitForAssertion(() => Assert.Contains("Not found, or not one of yours", panel.Markup));
        Assert.Contains(NumberFleet.NotFound.Message, panel.Find("[role=alert]").TextContent);
        Assert.Contains(panel.FindAll("a"), a => a.GetAttribute("href") == "numbers" && a.TextContent.Contains("Back to the numbers list"));
        Assert.DoesNotContain("Try again", panel.Markup);
    }

    [Fact]
    public async Task Support_opening_another_customers_number_reads_exactly_what_a_missing_number_reads()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Numbers.Add(ContractNumbers.Qr("num_other_customers", "+5511988887777"));
        Api.Details["num_other_customers"] = ContractNumbers.Found(ContractNumbers.QrDetail());
        await SignInAsSupportOfAsync(ContractNumbers.QrId);

        var others = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, "num_other_customers"));
        var missing = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, "num_that_never_was"));

        others.WaitForAssertion(() => Assert.Contains("Not found, or not one of yours", others.Find("[role=alert]").TextContent));
        missing.WaitForAssertion(() => Assert.Contains("Not found, or not one of yours", missing.Find("[role=alert]").TextContent));
        Assert.Equal(missing.Find("[role=alert]").TextContent, others.Find("[role=alert]").TextContent);
        Assert.DoesNotContain("no longer exists", others.Markup);
        Assert.DoesNotContain("+55 11 98888", others.Markup);
    }

    [Fact]
    public async Task Support_sees_the_number_but_not_the_Remove_action()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());
        await SignInAsSupportOfAsync(ContractNumbers.QrId);

        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        panel.WaitForAssertion(() => Assert.Equal("Suporte", panel.Find("h1").TextContent));
        Assert.Contains("Padaria Estrela", panel.Markup);
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Contains("Remove"));
    }

    [Fact]
    public void A_test_send_is_offered_while_the_number_is_connected_and_not_once_it_is_disconnected()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());
        var open = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));
        open.WaitForAssertion(() => Assert.Contains("Send a test message", open.Markup));

        Api.LiveStatuses[ContractNumbers.QrId] = Dashboard.Core.PilotStatus.ApiResult.Success(
            new LiveStatus(ContractNumbers.QrId, NumberState.Closed, false, Clock.GetUtcNow()));
        var closed = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        closed.WaitForAssertion(() => Assert.Equal("Suporte", closed.Find("h1").TextContent));
        Assert.DoesNotContain("Send a test message", closed.Markup);
    }

    [Fact]
    public void Removing_from_the_embedded_panel_deletes_the_number_and_tells_the_list()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());
        var changed = 0;
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<NumberDetailPanel>(p => p
            .Add(x => x.NumberId, ContractNumbers.QrId)
            .Add(x => x.Embedded, true)
            .Add(x => x.OnChanged, () => changed++));

        panel.WaitForAssertion(() => Assert.Equal("Suporte", panel.Find("h2").TextContent));
        panel.FindAll("button").Single(b => b.TextContent.Contains("Remove")).Click();
        dialogs.WaitForElement("input").Input("9999");
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Remove")).Click();

        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(ContractNumbers.QrId, Assert.Single(Api.Deletes));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "The number was removed from Pilot Status.");
    }
}
