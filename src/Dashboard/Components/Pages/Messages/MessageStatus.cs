namespace Dashboard.Components.Pages.Messages;

/// <summary>The statuses Pilot Status documents for messages, and how they are shown. Others are shown as the API spells them.</summary>
internal static class MessageStatus
{
    public const string Queued = "QUEUED";
    public const string Sent = "SENT";
    public const string Delivered = "DELIVERED";
    public const string Read = "READ";
    public const string Failed = "FAILED";
    public const string Canceled = "CANCELED";

    public static readonly IReadOnlyList<string> Known = [Queued, Sent, Delivered, Read, Failed, Canceled];

    /// <summary>The English text (a resource key); an undocumented status comes back as the API wrote it.</summary>
    public static string Label(string? status) => status?.ToUpperInvariant() switch
    {
        Queued => "Queued",
        Sent => "Sent",
        Delivered => "Delivered",
        Read => "Read",
        Failed => "Failed",
        Canceled => "Cancelled",
        null or "" => "Unknown",
        _ => status,
    };

    public static string BadgeClass(string? status) => status?.ToUpperInvariant() switch
    {
        Read or Delivered => "success",
        Sent or Queued => "info",
        Failed => "error",
        _ => "default",
    };
}
