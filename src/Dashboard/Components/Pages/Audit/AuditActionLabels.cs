using Dashboard.Core.Audit;

namespace Dashboard.Components.Pages.Audit;

/// <summary>
/// What each stored action code reads as on screen: a resource key, so it is translated. The code itself stays beside it
/// (and is what the CSV export and the address hold), since it is what a search through exports or logs needs.
/// </summary>
public static class AuditActionLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [AuditActions.SignInSucceeded] = "Signed in",
        [AuditActions.SignInFailed] = "Sign-in failed",
        [AuditActions.SignInLockedOut] = "Locked out after failed sign-ins",
        [AuditActions.SignedOut] = "Signed out",
        [AuditActions.OperatorCreated] = "Operator created",
        [AuditActions.OperatorChanged] = "Operator changed",
        [AuditActions.OperatorDisabled] = "Operator disabled",
        [AuditActions.OperatorEnabled] = "Operator enabled",
        [AuditActions.OperatorPasswordReset] = "Password reset by an administrator",
        [AuditActions.PasswordChanged] = "Password changed",
        [AuditActions.TwoFactorEnabled] = "Two-factor sign-in turned on",
        [AuditActions.TwoFactorDisabled] = "Two-factor sign-in turned off",
        [AuditActions.TwoFactorRecoveryCodesReset] = "New recovery codes",
        [AuditActions.TwoFactorRequirementChanged] = "Two-factor requirement changed",
        [AuditActions.NumberAdded] = "Number added",
        [AuditActions.NumberRemoved] = "Number removed",
        [AuditActions.ConnectStarted] = "Connection started",
        [AuditActions.ConnectCodeRevealed] = "Connection code shown",
        [AuditActions.ConnectConnected] = "Number connected",
        [AuditActions.ConnectGaveUp] = "Connection abandoned",
        [AuditActions.RemotePairingLinkCreated] = "Connection link created",
        [AuditActions.MessageHistoryOpened] = "Message history opened",
        [AuditActions.CustomerCreated] = "Customer created",
        [AuditActions.CustomerChanged] = "Customer changed",
        [AuditActions.CustomerRemoved] = "Customer removed",
        [AuditActions.AssignmentsChanged] = "Numbers assigned",
        [AuditActions.WebhookCreated] = "Webhook created",
        [AuditActions.WebhookChanged] = "Webhook changed",
        [AuditActions.WebhookDeleted] = "Webhook deleted",
        [AuditActions.LiveUpdatesEnabled] = "Live updates enabled",
        [AuditActions.TestMessageSent] = "Test message sent",
        [AuditActions.SettingChanged] = "Setting changed",
    };

    /// <summary>The resource key of <paramref name="action"/>'s label; an action without one (from a newer version) shows as its code.</summary>
    public static string Of(string action) => Labels.GetValueOrDefault(action, action);
}
