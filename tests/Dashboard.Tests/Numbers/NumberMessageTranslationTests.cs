using System.Globalization;
using System.Xml.Linq;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Dashboard.Tests.Numbers;

/// <summary>
/// The number screens show Core's own sentences through the localizer (<c>L[failure.Message]</c>), which the scan of
/// <c>L["..."]</c> literals cannot see; this holds those sentences to their translations instead.
/// </summary>
public sealed class NumberMessageTranslationTests
{
    [Fact]
    public void Every_sentence_Core_writes_about_numbers_has_a_Brazilian_Portuguese_translation()
    {
        var states = new[] { NumberState.Open, NumberState.Connecting, NumberState.Closed, default }.Select(s => s.DisplayName);
        var portuguese = XDocument.Load(ResxPath("SharedResource.pt-BR.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        var missing = PhoneInput.AllProblems.Concat(NumberAdministration.AllMessages).Concat(Dashboard.Core.Connect.PairingLinks.AllMessages)
            .Concat(Dashboard.Core.Customers.CustomerAdministration.AllMessages).Concat(states)
            .Concat(Dashboard.Core.Webhooks.NumberWebhooks.AllMessages).Concat(Dashboard.Core.Messages.TestSends.AllMessages)
            .Append(Dashboard.Core.Connect.ConnectSession.UnexpectedFailure).Where(m => !portuguese.Contains(m));

        Assert.Empty(missing);
    }

    [Fact]
    public void A_sentence_from_Core_reaches_the_screen_in_Portuguese_through_the_localizer()
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");

            Assert.Equal("Falta o DDD: coloque os dois dígitos do DDD antes do número, por exemplo (11) 99999-9999.", localizer[PhoneInput.MissingAreaCode].Value);
            Assert.Equal("Conectado", localizer[NumberState.Open.DisplayName].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string ResxPath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Dashboard", "Resources", "Localization", file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
