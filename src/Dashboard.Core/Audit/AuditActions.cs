namespace Dashboard.Core.Audit;

/// <summary>Every action the audit log records. The values are stored: never rename one, add a new one instead.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignedOut = "sign-out";

    public const string OperatorCreated = "operator.created";
    public const string OperatorChanged = "operator.changed";
    public const string OperatorDisabled = "operator.disabled";
    public const string OperatorEnabled = "operator.enabled";
    public const string OperatorPasswordReset = "operator.password-reset";
    public const string PasswordChanged = "operator.password-changed";

    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string TwoFactorRecoveryCodesReset = "2fa.recovery-codes-reset";
    public const string TwoFactorRequirementChanged = "2fa.requirement-changed";

    public const string NumberAdded = "number.added";
    public const string NumberRemoved = "number.removed";

    public const string ConnectStarted = "connect.started";
    public const string ConnectCodeRevealed = "connect.code-revealed";
    public const string ConnectConnected = "connect.connected";
    public const string ConnectGaveUp = "connect.gave-up";
    public const string RemotePairingLinkCreated = "connect.link-created";

    public const string MessageHistoryOpened = "messages.opened";

    public const string CustomerCreated = "customer.created";
    public const string CustomerChanged = "customer.changed";
    public const string CustomerRemoved = "customer.removed";
    public const string AssignmentsChanged = "assignments.changed";

    public const string WebhookCreated = "webhook.created";
    public const string WebhookChanged = "webhook.changed";
    public const string WebhookDeleted = "webhook.deleted";
    public const string LiveUpdatesEnabled = "live-updates.enabled";
    public const string TestMessageSent = "message.test-sent";
    public const string SettingChanged = "setting.changed";

    public static readonly IReadOnlyList<string> All =
    [
        SignInSucceeded, SignInFailed, SignInLockedOut, SignedOut,
        OperatorCreated, OperatorChanged, OperatorDisabled, OperatorEnabled, OperatorPasswordReset, PasswordChanged,
        TwoFactorEnabled, TwoFactorDisabled, TwoFactorRecoveryCodesReset, TwoFactorRequirementChanged,
        NumberAdded, NumberRemoved,
        ConnectStarted, ConnectCodeRevealed, ConnectConnected, ConnectGaveUp, RemotePairingLinkCreated,
        MessageHistoryOpened,
        CustomerCreated, CustomerChanged, CustomerRemoved, AssignmentsChanged,
        WebhookCreated, WebhookChanged, WebhookDeleted, LiveUpdatesEnabled, TestMessageSent, SettingChanged,
    ];
}
