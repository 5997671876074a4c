using Bunit;
using Dashboard.Components.Pages.Connect;
using Dashboard.Core.Connect;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Sandbox;
using Dashboard.Tests.Numbers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SandboxOptions = PilotStatus.Sandbox.SandboxOptions;

namespace Dashboard.Tests.Connect;

public sealed class ConnectWizardTests : NumberComponentTestContext
{
    private const string Id = ContractNumbers.QrId;
    private const string Qr = "data:image/png;base64,iVBORw0KGgoQR1";

    public ConnectWizardTests()
    {
        Api.Numbers.Add(ContractNumbers.Qr() with { State = NumberState.Closed, Ready = false });
        Api.OnConnect = _ => ApiResult.Success(new ConnectCode(Qr, "abcd1234"));
    }

    [Fact]
    public void The_code_stays_hidden_until_Show_code_is_pressed()
    {
        var wizard = ShowingCode();

        Assert.Empty(wizard.FindAll("img.connect-qr"));
        Assert.NotNull(wizard.Find(".connect-qr-hidden"));
        Assert.DoesNotContain(Qr, wizard.Markup);
        Assert.DoesNotContain("ABCD", wizard.Markup);
        Assert.Contains("Code 1 of 6", wizard.Markup);
        Assert.Contains("New code in 56 s", wizard.Markup);

        Button(wizard, "Show code").Click();

        wizard.WaitForAssertion(() => Assert.Equal(Qr, wizard.Find("img.connect-qr").GetAttribute("src")));
        Assert.DoesNotContain(wizard.FindAll("button"), b => b.TextContent.Contains("Show code"));
    }

    [Fact]
    public void The_pairing_code_is_shown_in_groups_of_four_with_a_copy_button()
    {
        var wizard = ShowingCode();
        Button(wizard, "Show code").Click();

        wizard.WaitForAssertion(() => Assert.Equal("ABCD-1234", wizard.Find(".pairing-code").TextContent));
        Assert.NotNull(wizard.Find("button[aria-label='Copy pairing code']"));
    }

    [Fact]
    public void Success_hides_the_code_and_offers_the_way_back_to_the_number()
    {
        var wizard = ShowingCode();
        Button(wizard, "Show code").Click();
        wizard.WaitForAssertion(() => Assert.NotNull(wizard.Find("img.connect-qr")));

        Api.LiveStatuses[Id] = ApiResult.Success(new LiveStatus(Id, NumberState.Open, true, Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(2));

        wizard.WaitForAssertion(() => Assert.Contains("Connected. The number is ready to send messages.", wizard.Markup));
        Assert.Empty(wizard.FindAll("img.connect-qr"));
        Assert.Empty(wizard.FindAll(".pairing-code"));
        Assert.Equal($"numbers/{Id}", wizard.FindAll("a").Single(a => a.TextContent.Contains("Back to the number")).GetAttribute("href"));
    }

    [Fact]
    public async Task Closing_the_wizard_stops_polling()
    {
        var wizard = ShowingCode();
        Clock.Advance(TimeSpan.FromSeconds(2));
        wizard.WaitForAssertion(() => Assert.Equal(2, Api.StatusRequests.Count));

        await DisposeComponentsAsync();
        Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(2, Api.StatusRequests.Count);
        Assert.Single(Api.ConnectRequests);
    }

    [Fact]
    public void A_rate_limited_poll_keeps_the_code_and_says_the_live_check_is_paused_and_why()
    {
        var wizard = ShowingCode();
        Button(wizard, "Show code").Click();
        Api.LiveStatuses[Id] = new ApiFailure(ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429). Try again in 10 seconds.",
            RetryAfter: TimeSpan.FromSeconds(10));

        Clock.Advance(TimeSpan.FromSeconds(2));

        wizard.WaitForAssertion(() => Assert.Contains(
            "The live check is paused, the code on screen is still valid. It resumes by itself in 10 s.",
            wizard.Find("[data-testid=live-check-paused]").TextContent));
        Assert.Contains("Why: Pilot Status is limiting requests (HTTP 429). Try again in 10 seconds.", wizard.Find("[data-testid=live-check-paused]").TextContent);
        Assert.Equal(Qr, wizard.Find("img.connect-qr").GetAttribute("src"));
        Assert.Equal("ABCD-1234", wizard.Find(".pairing-code").TextContent);
        Assert.DoesNotContain("Start again", wizard.Markup);
    }

    [Fact]
    public void A_code_without_a_pairing_code_says_to_use_the_QR()
    {
        Api.OnConnect = _ => ApiResult.Success(new ConnectCode(Qr, null));
        var wizard = ShowingCode();
        Button(wizard, "Show code").Click();

        wizard.WaitForAssertion(() => Assert.Equal(Qr, wizard.Find("img.connect-qr").GetAttribute("src")));
        Assert.Equal("No pairing code for this attempt: use the QR code.", wizard.Find("[data-testid=no-pairing-code]").TextContent);
    }

    [Fact]
    public void Already_connected_after_asking_for_a_code_shows_the_fresh_live_state_not_the_stale_one()
    {
        var wizard = Render<ConnectWizard>(p => p.Add(x => x.NumberId, Id));
        wizard.WaitForAssertion(() => Assert.Contains("Live: Disconnected", wizard.Markup));

        Api.LiveStatuses[Id] = ApiResult.Success(new LiveStatus(Id, NumberState.Open, true, Clock.GetUtcNow()));
        Api.OnConnect = _ => new ApiFailure(ApiFailureKind.Conflict, "Number is already connected, so there is no new code to scan.");
        Button(wizard, "Get a code").Click();

        wizard.WaitForAssertion(() => Assert.Contains("This number is already connected", wizard.Markup));
        Assert.DoesNotContain("Live: Disconnected", wizard.Markup);
        Assert.Contains("Live: Connected", wizard.Markup);
    }

    private IRenderedComponent<ConnectWizard> ShowingCode()
    {
        var wizard = Render<ConnectWizard>(p => p.Add(x => x.NumberId, Id));
        wizard.WaitForAssertion(() => Assert.Contains("Link a device", wizard.Markup));
        Button(wizard, "Get a code").Click();
        wizard.WaitForAssertion(() => Assert.Contains("Code 1 of 6", wizard.Markup));
        return wizard;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ConnectWizard> wizard, string text) =>
        wizard.FindAll("button").Single(b => b.TextContent.Contains(text));
}
