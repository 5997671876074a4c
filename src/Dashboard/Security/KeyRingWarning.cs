using Dashboard.Core.Security;
using Microsoft.Extensions.Options;

namespace Dashboard.Security;

internal static partial class KeyRingWarning
{
    /// <summary>In Production, says at start-up that the keys that sign sign-in cookies are stored unencrypted.</summary>
    public static void WarnWhenKeyRingUnprotected(this WebApplication app)
    {
        if (app.Environment.IsProduction() && !app.Services.GetRequiredService<IOptions<KeyRingOptions>>().Value.Configured)
        {
            LogUnprotected(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "SECURITY: DataProtection:CertificatePath is not set, so the keys that sign operators' sign-in cookies are stored " +
        "UNENCRYPTED in the database; anyone who can read the database can forge a sign-in. Configure a certificate " +
        "(DataProtection:CertificatePath and DataProtection:CertificatePassword); see docs/data-protection.md.")]
    private static partial void LogUnprotected(ILogger logger);
}
