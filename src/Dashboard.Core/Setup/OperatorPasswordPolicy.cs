using Microsoft.AspNetCore.Identity;

namespace Dashboard.Core.Setup;

/// <summary>Sign-in rules from OWASP ASVS 5.0: length over composition, and lockout that slows guessing.</summary>
public static class OperatorPasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    public static void Apply(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;

        // Version 3 carries the passkey table, so passkey sign-in can be switched on without a schema change.
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }
}
