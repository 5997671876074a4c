using Dashboard.Core.Audit;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Connect;

public enum ConnectStage
{
    /// <summary>Checking the operator's scope and reading the number's live state.</summary>
    Loading,

    /// <summary>The number is known and can be connected; waiting for the operator to ask for a code.</summary>
    Ready,

    /// <summary>A code is on screen; it is replaced before it expires and <c>/status</c> is polled.</summary>
    ShowingCode,

    /// <summary>The phone paired: the number is OPEN.</summary>
    Connected,

    /// <summary>The number was OPEN before any code was asked for (the API answers 409): good news, nothing to do.</summary>
    AlreadyConnected,

    /// <summary>A Meta Cloud API number: it has no QR flow.</summary>
    MetaNumber,

    /// <summary>Every code of the attempt was shown and none was scanned.</summary>
    Exhausted,

    /// <summary>Pilot Status refused or could not answer; <see cref="ConnectSession.Failure"/> says why.</summary>
    Failed,
}

/// <summary>Why the wizard stopped reading the live state for a while, and when it reads it again.</summary>
public sealed record LiveCheckPause(ApiFailure Reason, DateTimeOffset ResumesAt);

/// <summary>Makes one <see cref="ConnectSession"/> per wizard, for the signed-in operator.</summary>
public sealed class ConnectSessions(
    IPilotStatusClient pilotStatus,
    NumberFleet fleet,
    IOptions<ConnectOptions> options,
    TimeProvider clock,
    ILogger<ConnectSession> logger,
    AuditLog audit,
    NumberStateBook? states = null)
{
    public ConnectSession Create(OperatorScope scope, string numberId) =>
        new(pilotStatus, fleet, options.Value, clock, logger, scope, numberId, what => audit.RecordAsync(scope, what), states);
}

/// <summary>
/// One run of the connect wizard, without UI: scope check, codes fetched before they expire, "code N of M", live status
/// polled while a code is on screen, and an outcome. Every timer reads the injected <see cref="TimeProvider"/>.
/// Disposing it stops all timers and polling; calls already on their way are cancelled and their answers ignored.
/// </summary>
public sealed partial class ConnectSession : IDisposable
{
    public const string UnexpectedFailure = "Something went wrong while waiting for the phone. Start again.";

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    // However long Pilot Status asks to wait, look again within this: the code on screen lives little longer.
    private static readonly TimeSpan MaxLiveCheckPause = TimeSpan.FromSeconds(30);

    private readonly IPilotStatusClient _pilotStatus;
    private readonly NumberFleet _fleet;
    private readonly ConnectOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OperatorScope _scope;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Dispose cannot wait for the gate (a call may be on its way); timers are made and stopped under this lock instead,
    // so none can be made after Dispose has stopped them.
    private readonly Lock _timerLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _failedPolls;
    private ITimer? _replaceTimer;
    private ITimer? _pollTimer;
    private ITimer? _tickTimer;
    private ConnectCode? _code;
    private DateTimeOffset _codeExpiresAt;
    private readonly Func<AuditEvent, Task> _audit;
    private readonly Lock _auditLock = new();
    private Task _auditWrites = Task.CompletedTask;
    private readonly NumberStateBook? _states;
    private volatile bool _disposed;

    internal ConnectSession(
        IPilotStatusClient pilotStatus, NumberFleet fleet, ConnectOptions options, TimeProvider clock, ILogger logger,
        OperatorScope scope, string numberId, Func<AuditEvent, Task> audit, NumberStateBook? states = null)
    {
        (_pilotStatus, _fleet, _options, _clock, _logger, _scope, _audit) = (pilotStatus, fleet, options, clock, logger, scope, audit);
        NumberId = numberId;
        _states = states;
        if (states is not null)
        {
            states.Events.StateChanged += OnStateChanged;
        }
    }

    /// <summary>Completes when every audit entry raised so far is written (entries are written in order, off the caller's path).</summary>
    internal Task AuditWritten
    {
        get
        {
            lock (_auditLock)
            {
                return _auditWrites;
            }
        }
    }

    public string NumberId { get; }

    public ConnectStage Stage { get; private set; } = ConnectStage.Loading;

    /// <summary>The number as listed, with its customer; null until loaded or when the operator may not see it.</summary>
    public FleetRow? Number { get; private set; }

    /// <summary>The latest live state read, if any.</summary>
    public LiveStatus? Live { get; private set; }

    /// <summary>The code to show, or null: only while <see cref="ConnectStage.ShowingCode"/> and never past its expiry.</summary>
    public ConnectCode? Code => Stage == ConnectStage.ShowingCode && _clock.GetUtcNow() < _codeExpiresAt ? _code : null;

    /// <summary>Which code of the attempt is on screen (1-based); 0 before the first.</summary>
    public int CodeNumber { get; private set; }

    public int MaxCodes => _options.MaxCodes;

    public bool IsLastCode => CodeNumber >= MaxCodes;

    /// <summary>When the code on screen is replaced by the next one (or, for the last code, withdrawn).</summary>
    public DateTimeOffset? ReplacedAt { get; private set; }

    /// <summary>How long the code on screen stays there in all: what the countdown counts down from.</summary>
    public TimeSpan CodeWindow { get; private set; }

    /// <summary>The countdown shown beside the code, in whole seconds rounded up.</summary>
    public TimeSpan TimeLeft => ReplacedAt is { } at && at > _clock.GetUtcNow()
        ? TimeSpan.FromSeconds(Math.Ceiling((at - _clock.GetUtcNow()).TotalSeconds))
        : TimeSpan.Zero;

    /// <summary>Whether the operator pressed "Show code"; until then the QR and pairing code stay hidden.</summary>
    public bool Revealed { get; private set; }

    public ApiFailure? Failure { get; private set; }

    /// <summary>
    /// Set while the live check is paused after a failed or rate-limited poll: why, and when it resumes. The code stays on
    /// screen meanwhile; only its expiry or the attempt's end stops the wizard.
    /// </summary>
    public LiveCheckPause? LiveCheckPaused { get; private set; }

    /// <summary>How long until the paused live check looks again, in whole seconds rounded up.</summary>
    public TimeSpan LiveCheckResumesIn => LiveCheckPaused is { } pause && pause.ResumesAt > _clock.GetUtcNow()
        ? TimeSpan.FromSeconds(Math.Ceiling((pause.ResumesAt - _clock.GetUtcNow()).TotalSeconds))
        : TimeSpan.Zero;

    /// <summary>Raised on every change worth drawing, including each second of the countdown. May come from a timer thread.</summary>
    public event Action? Changed;

    /// <summary>Raised each time the operator reveals a code: the hook for the audit log.</summary>
    public event Action<CodeReveal>? CodeRevealed;

    /// <summary>Checks scope and provider and reads the live state: Ready, AlreadyConnected, MetaNumber or Failed.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadNumberAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Asks for the first code and starts the countdown and polling. Also "Start again" after exhaustion or a failure.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed || Stage is not (ConnectStage.Ready or ConnectStage.Exhausted or ConnectStage.Failed))
            {
                return;
            }

            // A wizard that could not even read the number starts over from there.
            if (Number is null)
            {
                await LoadNumberAsync(CancellationToken.None);
                if (Stage != ConnectStage.Ready)
                {
                    return;
                }
            }

            (CodeNumber, Failure) = (0, null);
            await FetchNextCodeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Shows a code Pilot Status already issued (with the number's creation) as the first code of an attempt, then goes
    /// on like <see cref="StartAsync"/>: countdown, replacement, polling. Only from <see cref="ConnectStage.Ready"/>.
    /// </summary>
    public async Task ShowIssuedCodeAsync(ConnectCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        await _gate.WaitAsync();
        try
        {
            if (_disposed || Stage != ConnectStage.Ready)
            {
                return;
            }

            (CodeNumber, Failure) = (0, null);
            ShowCode(code, _options.FirstCodeLifetime, firstOfAttempt: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Reveal()
    {
        if (_disposed || Revealed)
        {
            return;
        }

        Revealed = true;
        var reveal = new CodeReveal(_scope.OperatorId, NumberId, _clock.GetUtcNow());
        LogReveal(_logger, reveal.OperatorId, reveal.NumberId);
        Audit(AuditActions.ConnectCodeRevealed, CodeNumber > 0 ? $"Code {CodeNumber} of {MaxCodes}" : null);
        CodeRevealed?.Invoke(reveal);
        Changed?.Invoke();
    }

    /// <summary>Reads the live state now instead of at the next poll, e.g. right after a (simulated) scan.</summary>
    public async Task CheckNowAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await PollAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (Stage == ConnectStage.ShowingCode)
        {
            Audit(AuditActions.ConnectGaveUp, $"The wizard was closed at code {CodeNumber} of {MaxCodes}, before the phone paired.");
        }

        lock (_timerLock)
        {
            _disposed = true;
            StopTimersLocked();
        }

        // Cancelled, not disposed: a timer callback already running may still read its token.
        _stopping.Cancel();
        if (_states is not null)
        {
            _states.Events.StateChanged -= OnStateChanged;
        }

        Changed = null;
        CodeRevealed = null;
    }

    // Callers hold the gate.
    private async Task LoadNumberAsync(CancellationToken cancellationToken)
    {
        Failure = null;
        var row = await _fleet.FindAsync(_scope, NumberId, cancellationToken);
        if (_disposed)
        {
            return;
        }

        if (!row.Succeeded)
        {
            Fail(row.Failure);
            return;
        }

        Number = row.Value;
        if (row.Value.Number.Provider.IsMeta)
        {
            Finish(ConnectStage.MetaNumber);
            return;
        }

        var live = await _pilotStatus.GetLiveStatusAsync(NumberId, cancellationToken);
        if (_disposed)
        {
            return;
        }

        if (live.Failure is { Kind: ApiFailureKind.NotFound })
        {
            Fail(NumberFleet.NotFound);
            return;
        }

        // Any other failure leaves the state unknown; asking for a code will tell.
        Live = live.Value;
        Finish(Live?.State.IsOpen == true ? ConnectStage.AlreadyConnected : ConnectStage.Ready);
    }

    // Callers hold the gate.
    private async Task FetchNextCodeAsync()
    {
        var firstOfAttempt = CodeNumber == 0;
        var result = await _pilotStatus.ConnectNumberAsync(NumberId, _stopping.Token);
        if (_disposed)
        {
            return;
        }

        if (!result.Succeeded)
        {
            if (result.Failure.Kind == ApiFailureKind.Conflict)
            {
                // 409: the number is OPEN. Before any code that is "already connected"; after one, the phone paired.
                // Either way the live state read earlier is stale: read it again rather than show "Disconnected" beside it.
                await RefreshLiveAfterConflictAsync();
                if (_disposed)
                {
                    return;
                }

                Finish(firstOfAttempt ? ConnectStage.AlreadyConnected : ConnectStage.Connected);
                if (!firstOfAttempt)
                {
                    Audit(AuditActions.ConnectConnected, $"After code {CodeNumber} of {MaxCodes}");
                }
            }
            else
            {
                Fail(result.Failure.Kind == ApiFailureKind.NotFound ? NumberFleet.NotFound : result.Failure);
            }

            return;
        }

        // Only a number that was CLOSE gets a fresh attempt whose first code lives longer; joining an attempt already
        // under way (CONNECTING) gets one of its later codes, so the shorter lifetime is the safe guess.
        var lifetime = firstOfAttempt && Live?.State.IsConnecting != true ? _options.FirstCodeLifetime : _options.NextCodeLifetime;
        ShowCode(result.Value, lifetime, firstOfAttempt);
    }

    // Callers hold the gate.
    private void ShowCode(ConnectCode code, TimeSpan lifetime, bool firstOfAttempt)
    {
        var now = _clock.GetUtcNow();
        CodeNumber++;
        if (firstOfAttempt)
        {
            Audit(AuditActions.ConnectStarted, Live?.State.IsConnecting == true ? "Joined an attempt already under way" : null);
        }

        (_code, _codeExpiresAt) = (code, now + lifetime);
        ReplacedAt = _codeExpiresAt - _options.RefreshMargin;
        CodeWindow = lifetime - _options.RefreshMargin;
        Stage = ConnectStage.ShowingCode;

        lock (_timerLock)
        {
            if (_disposed)
            {
                return;
            }

            _replaceTimer?.Dispose();
            _replaceTimer = _clock.CreateTimer(_ => Run(ReplaceCodeAsync), null, ReplacedAt.Value - now, Timeout.InfiniteTimeSpan);
            _pollTimer ??= _clock.CreateTimer(_ => Run(PollAsync), null, _options.PollInterval, _options.PollInterval);
            _tickTimer ??= _clock.CreateTimer(_ => { if (!_disposed) { Changed?.Invoke(); } }, null, Tick, Tick);

            // Dispose may have come in on this very thread while a timer was being made (e.g. from a callback).
            if (_disposed)
            {
                StopTimersLocked();
                return;
            }
        }

        Changed?.Invoke();
    }

    private async Task RefreshLiveAfterConflictAsync()
    {
        var live = await _pilotStatus.GetLiveStatusAsync(NumberId, _stopping.Token);
        Live = live.Succeeded ? live.Value : null;
        _pilotStatus.InvalidateNumberList();
        if (live.Succeeded)
        {
            _states?.Observe(NumberId, live.Value.State, live.Value.Ready, StatusChangeSource.Operator, "connect wizard", live.Value.CheckedAt);
        }
    }

    private async Task ReplaceCodeAsync()
    {
        if (Stage != ConnectStage.ShowingCode || ReplacedAt is not { } due)
        {
            return;
        }

        // Timers count on a coarse clock and may fire a few milliseconds before the wall clock says the code is due;
        // a late callback of an earlier code lands here too. Either way, wait out the rest rather than drop the turn,
        // or the code expires on screen with nothing left to replace it.
        var remaining = due - _clock.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            lock (_timerLock)
            {
                _replaceTimer?.Change(remaining, Timeout.InfiniteTimeSpan);
            }

            return;
        }

        if (!IsLastCode)
        {
            await FetchNextCodeAsync();
            return;
        }

        // The last code is withdrawn; a scan in its final seconds would still count, so look once more before giving up.
        await PollAsync();
        if (Stage == ConnectStage.ShowingCode)
        {
            Finish(ConnectStage.Exhausted);
            Audit(AuditActions.ConnectGaveUp, $"All {MaxCodes} codes were shown and none was scanned.");
        }
    }

    private async Task PollAsync()
    {
        if (_disposed || Stage != ConnectStage.ShowingCode)
        {
            return;
        }

        var status = await _pilotStatus.GetLiveStatusAsync(NumberId, _stopping.Token);
        if (_disposed || Stage != ConnectStage.ShowingCode)
        {
            return;
        }

        if (!status.Succeeded)
        {
            if (status.Failure.Kind == ApiFailureKind.NotFound)
            {
                Fail(NumberFleet.NotFound);
                return;
            }

            // The customer may be scanning right now: keep the code, wait, and look again.
            PauseLiveCheck(status.Failure);
            return;
        }

        if (LiveCheckPaused is not null)
        {
            ResumeLiveCheck();
        }

        Live = status.Value;
        if (Live.State.IsOpen || Live.Ready)
        {
            Finish(ConnectStage.Connected);
            Audit(AuditActions.ConnectConnected, $"After code {CodeNumber} of {MaxCodes}");
            _pilotStatus.InvalidateNumberList();
            _states?.Observe(NumberId, Live.State, Live.Ready, StatusChangeSource.Operator, "connect wizard", Live.CheckedAt);
        }
        else
        {
            Changed?.Invoke();
        }
    }

    // number.connected (a webhook event) ends the wizard at once instead of at the next poll.
    private void OnStateChanged(NumberStateChanged change)
    {
        if (change.NumberId != NumberId || !change.To.IsOpen || _disposed)
        {
            return;
        }

        Run(() =>
        {
            if (!_disposed && Stage == ConnectStage.ShowingCode)
            {
                Live = new LiveStatus(NumberId, change.To, change.Ready, change.At);
                Finish(ConnectStage.Connected);
                Audit(AuditActions.ConnectConnected, $"After code {CodeNumber} of {MaxCodes}");
                _pilotStatus.InvalidateNumberList();
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Runs timer work one at a time with the operator's own actions; a late tick after dispose does nothing.</summary>
    private async void Run(Func<Task> work)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await _gate.WaitAsync(_stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            await work();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && _disposed)
        {
            // Stopped while a call was on its way: nothing is left to update.
        }
        catch (Exception e)
        {
            // A timer thread has no caller to throw to: show it as a failure instead of losing it.
            LogTimerFailure(_logger, e, NumberId);
            Fail(new ApiFailure(ApiFailureKind.Unavailable, UnexpectedFailure));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits what the API asked (Retry-After), or backs off (2, 4, 8… poll intervals, at most 30 s), then polls again.</summary>
    private void PauseLiveCheck(ApiFailure failure)
    {
        _failedPolls++;
        var backoff = _options.PollInterval * Math.Pow(2, Math.Min(_failedPolls, 10));
        var wait = failure.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : backoff;
        wait = TimeSpan.FromTicks(Math.Min(wait.Ticks, MaxLiveCheckPause.Ticks));
        LiveCheckPaused = new LiveCheckPause(failure, _clock.GetUtcNow() + wait);
        LogLiveCheckPaused(_logger, NumberId, failure.Kind, wait.TotalSeconds);
        lock (_timerLock)
        {
            _pollTimer?.Change(wait, _options.PollInterval);
        }

        Changed?.Invoke();
    }

    private void ResumeLiveCheck()
    {
        (_failedPolls, LiveCheckPaused) = (0, null);
        lock (_timerLock)
        {
            _pollTimer?.Change(_options.PollInterval, _options.PollInterval);
        }
    }

    private void Finish(ConnectStage stage)
    {
        StopTimers();
        (Stage, _code, ReplacedAt, LiveCheckPaused, _failedPolls) = (stage, null, null, null, 0);
        Changed?.Invoke();
    }

    private void Fail(ApiFailure failure)
    {
        if (Stage == ConnectStage.ShowingCode)
        {
            Audit(AuditActions.ConnectGaveUp, $"Stopped at code {CodeNumber} of {MaxCodes}: {failure.Message}");
        }

        Failure = failure;
        Finish(ConnectStage.Failed);
    }

    /// <summary>
    /// Queues an audit entry for this number. Written in order and off the caller's path: timers and Dispose cannot
    /// await, and a failed write is logged rather than breaking the wizard.
    /// </summary>
    private void Audit(string action, string? detail)
    {
        var what = new AuditEvent(action, NumberId: NumberId, CustomerId: Number?.CustomerId, Detail: detail);
        lock (_auditLock)
        {
            _auditWrites = _auditWrites.ContinueWith(async _ =>
            {
                try
                {
                    await _audit(what);
                }
                catch (Exception e)
                {
                    LogAuditFailure(_logger, e, action, NumberId);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private void StopTimers()
    {
        lock (_timerLock)
        {
            StopTimersLocked();
        }
    }

    private void StopTimersLocked()
    {
        _replaceTimer?.Dispose();
        _pollTimer?.Dispose();
        _tickTimer?.Dispose();
        (_replaceTimer, _pollTimer, _tickTimer) = (null, null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {OperatorId} revealed the connect code of number {NumberId}")]
    private static partial void LogReveal(ILogger logger, string operatorId, string numberId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry {Action} for number {NumberId} could not be written")]
    private static partial void LogAuditFailure(ILogger logger, Exception exception, string action, string numberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live check of number {NumberId} failed ({Kind}); the connect wizard looks again in {WaitSeconds:0.#} s")]
    private static partial void LogLiveCheckPaused(ILogger logger, string numberId, ApiFailureKind kind, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The connect wizard of number {NumberId} failed on a timer")]
    private static partial void LogTimerFailure(ILogger logger, Exception exception, string numberId);
}
