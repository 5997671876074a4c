namespace Dashboard.Core.PilotStatus;

/// <summary>What the last call to the Pilot Status API came to, for the health endpoint. Never holds request data.</summary>
public sealed class ApiCallMonitor(TimeProvider clock)
{
    private ApiCallRecord? _last;

    public ApiCallRecord? Last => Volatile.Read(ref _last);

    public void RecordSuccess() => Volatile.Write(ref _last, new ApiCallRecord(true, clock.GetUtcNow(), null));

    public void RecordFailure(string reason) => Volatile.Write(ref _last, new ApiCallRecord(false, clock.GetUtcNow(), reason));
}

public sealed record ApiCallRecord(bool Succeeded, DateTimeOffset At, string? FailureReason);
