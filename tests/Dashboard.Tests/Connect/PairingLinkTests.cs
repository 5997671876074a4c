using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.Audit;
using Dashboard.Core.Connect;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Connect;

/// <summary>"Add number" → "Send a connection link": the customer connects the new number later through a hosted page.</summary>
public sealed class PairingLinkTests : NumberComponentTestContext
{
    private const string LinkUrl = "https://connect.pilotstatus.com.br/connect/5f1d2c3b-aaaa-4bbb-8ccc-0123456789ab";

    [Fact]
    public async Task A_link_is_made_once_and_shown_with_its_QR_code_the_masked_number_and_when_it_expires()
    {
        var customerId = await Database.AddCustomerAsync("Padaria Estrela");
        var (dialogs, reference) = await ShowAddDialogAsync(customerId);

        await FillAndCreateLinkAsync(dialogs, "Vendas", "(11) 99999-9999");

        dialogs.WaitForAssertion(() => Assert.Equal(LinkUrl, dialogs.Find("[data-testid=pairing-link]").TextContent));
        Assert.Equal(new RemotePairingRequest("Vendas", "+5511999999999"), Assert.Single(Api.RemotePairings));
        Assert.Empty(Api.Creates);

        var png = Convert.FromBase64String(dialogs.Find("img.pairing-link-qr").GetAttribute("src")!["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("+551199****9999", dialogs.Find("[data-testid=masked-number]").TextContent);
        Assert.Contains("Valid for 24 hours, until", dialogs.Markup);
        Assert.Equal("2026-07-01T12:18:33.0000000Z", dialogs.Find("time").GetAttribute("datetime"));
        Assert.Contains("Single use", dialogs.Markup);
        Assert.Contains("It belongs to Padaria Estrela.", dialogs.Markup);
        Assert.NotNull(dialogs.Find("button[aria-label='Copy link']"));
        Assert.NotNull(dialogs.Find("button[aria-label='Copy a message for the customer']"));

        await using (var db = Database.CreateDbContext())
        {
            var entry = Assert.Single(await db.AuditEntries.ToListAsync());
            Assert.Equal(
                (AuditActions.RemotePairingLinkCreated, "operator-1", "num_link_5511999999999", (int?)customerId),
                (entry.Action, entry.OperatorId, entry.NumberId, entry.CustomerId));
            Assert.Equal(customerId, (await db.NumberAssignments.SingleAsync(a => a.NumberId == "num_link_5511999999999")).CustomerId);
        }

        Button(dialogs, "Done").Click();
        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(LinkUrl, Assert.IsType<PairingLinkCreated>(result!.Data).Link.Url.AbsoluteUri);
    }

    [Fact]
    public async Task When_Pilot_Status_does_not_mask_the_phone_the_dashboard_does()
    {
        Api.OnRemotePairing = request => ApiResult.Success(new RemotePairingLink(new Uri(LinkUrl), "5f1d", null, "num_1", false, null));
        var (dialogs, _) = await ShowAddDialogAsync();

        await FillAndCreateLinkAsync(dialogs, "Vendas", "+55 11 98765-4321");

        dialogs.WaitForAssertion(() => Assert.Equal("+551198****4321", dialogs.Find("[data-testid=masked-number]").TextContent));
        Assert.DoesNotContain("98765-4321", dialogs.Find(".mud-dialog-content").TextContent);
    }

    public static TheoryData<ApiFailureKind, string, string> Failures => new()
    {
        { ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429). Try again in 30 seconds.", "Pilot Status is limiting requests right now" },
        {
            ApiFailureKind.InvalidRequest,
            "Pilot Status rejected the request as invalid (HTTP 400 VALIDATION_ERROR): \"number must be in E.164 format\". Correct the input and try again.",
            "Check what you typed"
        },
        { ApiFailureKind.Unavailable, PairingLinks.LinkUnconfirmed, "Pilot Status could not be reached" },
        { ApiFailureKind.MalformedResponse, PairingLinks.LinkUnconfirmed, "Pilot Status sent an answer the dashboard could not read" },
        {
            ApiFailureKind.Conflict,
            "Pilot Status refused this because of the current state (HTTP 409 NUMBER_LIMIT_EXCEEDED). Reload and check the state before trying again.",
            "Pilot Status refused this"
        },
        {
            ApiFailureKind.Unauthorized,
            "Pilot Status rejected the API key (HTTP 401). Check PilotStatus:TenantApiKey.",
            "Not allowed"
        },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_refusal_stays_in_the_dialog_and_says_what_happened_and_what_to_do(ApiFailureKind kind, string shown, string title)
    {
        // For a timeout or an unreadable answer the client's own sentence is replaced: the number may exist by now.
        Api.OnRemotePairing = _ => new ApiFailure(kind, kind is ApiFailureKind.Unavailable or ApiFailureKind.MalformedResponse ? "Pilot Status did not answer in time." : shown);
        var (dialogs, _) = await ShowAddDialogAsync();

        await FillAndCreateLinkAsync(dialogs, "Vendas", "(11) 99999-9999");

        dialogs.WaitForAssertion(() => Assert.Contains(shown, dialogs.Find("[role=alert]").TextContent));
        Assert.Contains(title, dialogs.Find("[role=alert]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=pairing-link]"));
        Assert.NotNull(Button(dialogs, "Create link"));
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task A_bad_phone_is_explained_under_the_field_and_no_link_is_asked_for()
    {
        var (dialogs, _) = await ShowAddDialogAsync();

        await FillAndCreateLinkAsync(dialogs, "Vendas", "99999-9999");

        dialogs.WaitForAssertion(() => Assert.Contains(PhoneInput.MissingAreaCode, dialogs.Markup));
        Assert.Empty(Api.RemotePairings);
    }

    [Fact]
    public async Task After_an_unconfirmed_link_pressing_again_does_not_ask_Pilot_Status_for_a_second_number()
    {
        Api.OnRemotePairing = _ => new ApiFailure(ApiFailureKind.Unavailable, "Pilot Status did not answer in time.");
        var (dialogs, _) = await ShowAddDialogAsync();
        await FillAndCreateLinkAsync(dialogs, "Vendas", "(11) 99999-9999");
        dialogs.WaitForAssertion(() => Assert.Contains(PairingLinks.LinkUnconfirmed, dialogs.Find("[role=alert]").TextContent));

        Button(dialogs, "Create link").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(PairingLinks.LinkUnconfirmed, dialogs.Find("[role=alert]").TextContent));
        Assert.Single(Api.RemotePairings);
    }

    [Fact]
    public async Task A_rate_limited_attempt_can_be_tried_again_and_then_succeeds()
    {
        var answers = new Queue<ApiResult<RemotePairingLink>>([
            new ApiFailure(ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429). Try again in 30 seconds."),
            ScriptedPilotStatusClient.PairingLink(new RemotePairingRequest("Vendas", "+5511999999999")),
        ]);
        Api.OnRemotePairing = _ => answers.Dequeue();
        var (dialogs, _) = await ShowAddDialogAsync();
        await FillAndCreateLinkAsync(dialogs, "Vendas", "(11) 99999-9999");
        dialogs.WaitForAssertion(() => Assert.Contains("Try again in 30 seconds.", dialogs.Find("[role=alert]").TextContent));

        Button(dialogs, "Create link").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(LinkUrl, dialogs.Find("[data-testid=pairing-link]").TextContent));
        Assert.Equal(2, Api.RemotePairings.Count);
    }

    [Fact]
    public async Task A_support_operator_cannot_make_a_link_even_by_calling_the_service()
    {
        var links = Services.GetRequiredService<PairingLinks>();
        var support = new OperatorScope("operator-1", OperatorRoles.Support, new HashSet<int>());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "operator-1")], "test"));

        var result = await links.CreateForNewNumberAsync(support, user, "Vendas", "(11) 99999-9999", null, Guid.NewGuid());

        Assert.Equal((ApiFailureKind.Forbidden, PairingLinks.NotPermitted), (result.Failure!.Kind, result.Failure.Message));
        Assert.Empty(Api.RemotePairings);
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task A_customer_outside_the_operators_scope_is_refused_before_anything_is_sent()
    {
        var hidden = await Database.AddCustomerAsync("Outro Cliente");
        var links = Services.GetRequiredService<PairingLinks>();
        var scope = new OperatorScope("operator-1", OperatorRoles.Operator, new HashSet<int>());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "operator-1")], "test"));

        var result = await links.CreateForNewNumberAsync(scope, user, "Vendas", "(11) 99999-9999", hidden, Guid.NewGuid());

        Assert.Equal(NumberAdministration.UnknownCustomer, result.Failure!.Message);
        Assert.Empty(Api.RemotePairings);
    }

    [Theory]
    [InlineData("+5511999999999", "+551199****9999")]
    [InlineData("+14155550123", "+141555****0123")]
    public void The_phone_is_masked_like_Pilot_Status_does(string e164, string masked) => Assert.Equal(masked, PairingLinks.Mask(e164));

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IDialogReference Reference)> ShowAddDialogAsync(int? customerId = null)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await dialogs.InvokeAsync(async () => reference = await service.ShowAsync<AddNumberDialog>(
            "Add number", new DialogParameters<AddNumberDialog> { { d => d.CustomerId, customerId } }));
        dialogs.WaitForElement(".mud-dialog");
        return (dialogs, reference!);
    }

    private static async Task FillAndCreateLinkAsync(IRenderedComponent<MudDialogProvider> dialogs, string name, string phone)
    {
        dialogs.FindAll("input")[0].Change(name);
        dialogs.FindAll("input")[1].Change(phone);
        await dialogs.FindAll("input[type=radio]")[1].ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.NotNull(Button(dialogs, "Create link")));
        Button(dialogs, "Create link").Click();
    }

    private static IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Contains(text));
}
