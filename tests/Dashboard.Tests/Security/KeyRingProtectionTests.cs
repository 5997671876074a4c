using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dashboard.Core.Data;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.PilotStatus;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Security;

/// <summary>The Data Protection key ring (which signs sign-in cookies) is encrypted in the database with a configured certificate.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "pfx passphrase for tests";
    private readonly string _folder = Directory.CreateTempSubdirectory("key-ring-tests").FullName;

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sign_in_still_works()
    {
        using var app = new DashboardAppFactory(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = MakeCertificate("current.pfx"),
            ["DataProtection:CertificatePassword"] = Password,
        });
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SetUpFirstAdministratorAsync()).StatusCode);

        var keys = await StoredKeysAsync(app);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml));
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_as_they_always_were()
    {
        using var app = new DashboardAppFactory();
        await app.CreateBrowserLikeClient().SetUpFirstAdministratorAsync();

        Assert.Contains(await StoredKeysAsync(app), xml => xml.Contains("<masterKey"));
    }

    [Fact]
    public async Task Keys_encrypted_with_the_previous_certificate_stay_readable_after_rotation()
    {
        var old = MakeCertificate("old.pfx");
        var database = Path.Combine(_folder, "shared.db");
        using (var before = new DashboardAppFactory(new Dictionary<string, string?>
               {
                   ["Database:ConnectionString"] = $"Data Source={database}",
                   ["DataProtection:CertificatePath"] = old,
                   ["DataProtection:CertificatePassword"] = Password,
               }))
        {
            await before.CreateBrowserLikeClient().SetUpFirstAdministratorAsync();
        }

        using var after = new DashboardAppFactory(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={database}",
            ["DataProtection:CertificatePath"] = MakeCertificate("new.pfx"),
            ["DataProtection:CertificatePassword"] = Password,
            ["DataProtection:PreviousCertificatePath"] = old,
            ["DataProtection:PreviousCertificatePassword"] = Password,
        });
        var client = after.CreateBrowserLikeClient();

        var signIn = await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
    }

    [Fact]
    public void A_missing_certificate_file_stops_start_up_naming_the_setting()
    {
        var error = StartupError(new() { ["DataProtection:CertificatePath"] = Path.Combine(_folder, "nowhere.pfx") });

        Assert.Contains("DataProtection:CertificatePath names a file that does not exist", error);
    }

    [Fact]
    public void A_wrong_certificate_password_stops_start_up_without_repeating_it()
    {
        var error = StartupError(new()
        {
            ["DataProtection:CertificatePath"] = MakeCertificate("current.pfx"),
            ["DataProtection:CertificatePassword"] = "not-the-password-xyz",
        });

        Assert.Contains("DataProtection:CertificatePassword is wrong", error);
        Assert.DoesNotContain("not-the-password-xyz", error);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Testing", false)]
    public void In_production_start_up_warns_loudly_when_no_certificate_is_configured(string environment, bool warned)
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new DashboardAppFactory();
        using var app = factory.WithWebHostBuilder(web => web
            .UseEnvironment(environment)
            .ConfigureLogging(logging => logging.AddProvider(logs)));

        using var client = app.CreateClient();

        Assert.Equal(warned, logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("DataProtection:CertificatePath is not set")));
    }

    private static async Task<List<string>> StoredKeysAsync(DashboardAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private string MakeCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Dashboard key ring (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private static string StartupError(Dictionary<string, string?> settings)
    {
        using var app = new DashboardAppFactory(settings);
        var exception = Record.Exception(() => app.CreateClient());
        Assert.NotNull(exception);
        return exception.ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
