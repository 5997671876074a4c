using Dashboard.Core.Setup;
using Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Account;

/// <summary>The checks every "choose a password" form makes before Identity sees the password.</summary>
internal static class PasswordForm
{
    public static string? Check(IStringLocalizer<SharedResource> l, string password, string confirmation)
    {
        if (string.IsNullOrEmpty(password) || password.Length < OperatorPasswordPolicy.MinimumLength)
        {
            return l["The password must be at least {0} characters long.", OperatorPasswordPolicy.MinimumLength].Value;
        }

        return password == confirmation ? null : l["The two passwords are not the same. Type the new password twice."].Value;
    }
}
