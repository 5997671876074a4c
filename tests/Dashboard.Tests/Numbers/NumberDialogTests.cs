using Bunit;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.Connect;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Numbers;

public sealed class NumberDialogTests : NumberComponentTestContext
{
    [Fact]
    public async Task Remove_is_enabled_only_once_the_last_four_digits_of_the_phone_are_typed()
    {
        Api.Numbers.Add(ContractNumbers.Qr(phone: "+5511987654321"));
        var (dialogs, reference) = await ShowAsync<RemoveNumberDialog>(new DialogParameters<RemoveNumberDialog>
        {
            { d => d.Number, ContractNumbers.Qr(phone: "+5511987654321") },
            { d => d.CustomerName, "Padaria Estrela" },
        });
        Assert.Contains("It belongs to Padaria Estrela.", dialogs.Markup);
        Assert.Contains("permanent", dialogs.Markup);

        Assert.True(RemoveButton(dialogs).HasAttribute("disabled"));
        dialogs.Find("input").Input("1234");
        Assert.True(RemoveButton(dialogs).HasAttribute("disabled"));
        dialogs.Find("input").Input("4321");
        Assert.False(RemoveButton(dialogs).HasAttribute("disabled"));
        Assert.Empty(Api.Deletes);

        RemoveButton(dialogs).Click();

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new NumberRemoval(ContractNumbers.QrId, WasAlreadyGone: false), result!.Data);
        Assert.Equal(ContractNumbers.QrId, Assert.Single(Api.Deletes));
    }

    [Fact]
    public async Task A_failed_removal_stays_in_the_dialog_and_says_why()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.DeleteResult = new ApiFailure(ApiFailureKind.Unavailable, "Pilot Status answered with a server error (HTTP 503).");
        var (dialogs, _) = await ShowAsync<RemoveNumberDialog>(new DialogParameters<RemoveNumberDialog> { { d => d.Number, ContractNumbers.Qr() } });

        dialogs.Find("input").Input("9999");
        RemoveButton(dialogs).Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Pilot Status answered with a server error (HTTP 503).", dialogs.Find("[role=alert]").TextContent));
        Assert.Contains("It is not assigned to a customer.", dialogs.Markup);
    }

    [Fact]
    public async Task A_bad_phone_shows_what_is_wrong_under_the_field_and_nothing_is_sent()
    {
        var (dialogs, _) = await ShowAsync<AddNumberDialog>(new DialogParameters());

        dialogs.FindAll("input")[0].Change("Vendas");
        dialogs.FindAll("input")[1].Change("99999-9999");
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Add number")).Click();

        dialogs.WaitForAssertion(() => Assert.Contains(PhoneInput.MissingAreaCode, dialogs.Markup));
        Assert.Empty(Api.Creates);
    }

    [Fact]
    public async Task A_good_phone_is_added_once_and_the_dialog_runs_the_connect_wizard_from_the_issued_code()
    {
        var customerId = await Database.AddCustomerAsync("Padaria Estrela");
        Api.OnCreate = number =>
        {
            var created = ScriptedPilotStatusClient.Created(number);
            Api.Numbers.Add(ContractNumbers.Qr(created.Value!.Id, number.Phone) with { Name = number.Name, State = NumberState.Connecting, Ready = false });
            return created.Map(c => c with { Connect = new ConnectCode("data:image/png;base64,iVBORw0KGgo=", "abcd1234") });
        };
        Api.OnConnect = _ => ApiResult.Success(new ConnectCode("data:image/png;base64,iVBORw0KGgoNEXT", "EFGH5678"));
        var (dialogs, reference) = await ShowAsync<AddNumberDialog>(new DialogParameters<AddNumberDialog> { { d => d.CustomerId, customerId } });

        dialogs.FindAll("input")[0].Change("Vendas");
        dialogs.FindAll("input")[1].Change("(11) 99999-9999");
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Add number")).Click();

        // The code issued with the number, grouped as everywhere else, with the wizard's countdown.
        dialogs.WaitForAssertion(() => Assert.Equal("ABCD-1234", dialogs.Find(".pairing-code").TextContent));
        Assert.Equal(new NewNumber("Vendas", "+5511999999999"), Assert.Single(Api.Creates));
        Assert.Equal("data:image/png;base64,iVBORw0KGgo=", dialogs.Find("img.connect-qr").GetAttribute("src"));
        Assert.Equal("QR code to connect +55 11 99999-9999", dialogs.Find("img.connect-qr").GetAttribute("alt"));
        Assert.Contains("It belongs to Padaria Estrela.", dialogs.Markup);
        Assert.Contains("Code 1 of 6", dialogs.Markup);
        Assert.Contains("New code in 56 s", dialogs.Markup);
        Assert.Empty(Api.ConnectRequests);

        // It rotates like the wizard does, and notices the phone pairing.
        Clock.Advance(TimeSpan.FromSeconds(56));
        dialogs.WaitForAssertion(() => Assert.Equal("EFGH-5678", dialogs.Find(".pairing-code").TextContent));
        Api.LiveStatuses["num_new_5511999999999"] = ApiResult.Success(new LiveStatus("num_new_5511999999999", NumberState.Open, true, Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(2));
        dialogs.WaitForAssertion(() => Assert.Contains("Connected. The number is ready to send messages.", dialogs.Markup));

        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Done")).Click();
        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("num_new_5511999999999", Assert.IsType<AddedNumber>(result!.Data).Number.Id);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IDialogReference Reference)> ShowAsync<TDialog>(DialogParameters parameters)
        where TDialog : IComponent
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await dialogs.InvokeAsync(async () => reference = await service.ShowAsync<TDialog>("Dialog", parameters));
        dialogs.WaitForElement(".mud-dialog");
        return (dialogs, reference!);
    }

    private static AngleSharp.Dom.IElement RemoveButton(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Remove"));
}
