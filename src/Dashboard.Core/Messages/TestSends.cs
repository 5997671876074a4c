using Dashboard.Core.Audit;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Messages;

/// <summary>
/// A short test text from a connected number, and its status afterwards. Administrators and Operators may send; Support only
/// when an administrator allowed it (<see cref="DashboardSettingKeys.SupportMaySendTestMessages"/>). Numbers outside the scope are NotFound.
/// </summary>
public sealed class TestSends(IPilotStatusClient pilotStatus, NumberFleet fleet, DashboardSettings settings, AuditLog audit)
{
    public const string NotPermitted = "Your role cannot send test messages. Ask an administrator to allow it for Support.";
    public const string NotConnected = "This number is not connected, so it cannot send. Reconnect it first.";
    public const string TextRequired = "Enter the text to send.";
    public const string OnlyAdministratorsAllow = "Only an administrator can allow or stop test messages from Support.";
    public const string TextTooLong = "The text is too long: WhatsApp takes at most 4096 characters in one message.";

    /// <summary>Every message this service writes itself, so a test can hold them to their translations.</summary>
    public static IReadOnlyList<string> AllMessages { get; } = [NotPermitted, NotConnected, TextRequired, TextTooLong, OnlyAdministratorsAllow];

    public Task<bool> SupportMaySendAsync(CancellationToken cancellationToken = default) =>
        settings.GetFlagAsync(DashboardSettingKeys.SupportMaySendTestMessages, cancellationToken);

    /// <summary>An administrator allows (or stops) test sends by Support; audited as a setting change.</summary>
    public async Task<ApiResult<bool>> SetSupportMaySendAsync(OperatorScope scope, bool allowed, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageOperators)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, OnlyAdministratorsAllow);
        }

        await settings.SetFlagAsync(DashboardSettingKeys.SupportMaySendTestMessages, allowed, scope.OperatorId, cancellationToken);
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.SettingChanged,
            Detail: $"{DashboardSettingKeys.SupportMaySendTestMessages} = {(allowed ? "true" : "false")}"));
        return ApiResult.Success(allowed);
    }

    public async Task<bool> MaySendAsync(OperatorScope scope, CancellationToken cancellationToken = default) =>
        scope.CanManageNumbers || await SupportMaySendAsync(cancellationToken);

    /// <param name="phoneAsTyped">Any way people write a phone; read as Brazilian unless it starts with + and another country code.</param>
    public async Task<ApiResult<SentMessage>> SendAsync(
        OperatorScope scope, string numberId, string phoneAsTyped, string text, CancellationToken cancellationToken = default)
    {
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Failure;
        }

        if (!await MaySendAsync(scope, cancellationToken))
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        if (!row.Value.Number.State.IsOpen)
        {
            return new ApiFailure(ApiFailureKind.Conflict, NotConnected);
        }

        var phone = PhoneInput.Check(phoneAsTyped);
        if (!phone.IsValid)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, phone.Problem);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, TextRequired);
        }

        if (text.Length > OutgoingText.MaxLength)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, TextTooLong);
        }

        // Once sent it must be recorded, whether or not the operator is still on the page.
        var sent = await pilotStatus.SendTextAsync(numberId, new OutgoingText(phone.E164, text), CancellationToken.None);
        if (sent.Succeeded)
        {
            await audit.RecordAsync(scope, new AuditEvent(AuditActions.TestMessageSent, NumberId: numberId, CustomerId: row.Value.CustomerId,
                Detail: $"to {phone.E164}, message {sent.Value.Id}, {text.Length} characters"));
        }

        return sent;
    }

    public async Task<ApiResult<MessageReceipt>> StatusAsync(OperatorScope scope, string numberId, string messageId, CancellationToken cancellationToken = default)
    {
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        return row.Succeeded ? await pilotStatus.GetMessageStatusAsync(numberId, messageId, cancellationToken) : row.Failure;
    }
}
