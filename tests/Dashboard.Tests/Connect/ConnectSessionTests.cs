using Dashboard.Core.Audit;
using Dashboard.Core.Connect;
using Dashboard.Core.Customers;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Dashboard.Tests.PilotStatus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Connect;

public sealed class ConnectSessionTests : IDisposable
{
    private const string Id = ContractNumbers.QrId;
    private static readonly OperatorScope Administrator = new("operator-1", OperatorRoles.Administrator, null);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-06-30T12:00:00Z"));
    private readonly TestDatabase _database = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly ScriptedPilotStatusClient _api;
    private readonly List<ConnectSession> _sessions = [];
    private readonly Dashboard.Core.LiveUpdates.NumberStateBook _states;
    private int _codesIssued;

    public ConnectSessionTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _api = new ScriptedPilotStatusClient(_clock);
        _states = new(new Dashboard.Core.LiveUpdates.NumberEvents(_loggers.CreateLogger<Dashboard.Core.LiveUpdates.NumberEvents>()), _clock);
        _api.Numbers.Add(Disconnected());
        _api.OnConnect = _ =>
        {
            _codesIssued++;
            return ApiResult.Success(new ConnectCode($"data:image/png;base64,QR{_codesIssued}", $"CODE{_codesIssued:0000}"));
        };
    }

    [Fact]
    public async Task The_countdown_runs_to_the_first_codes_replacement_a_few_seconds_before_it_expires()
    {
        var session = await StartedAsync();
        var changes = 0;
        session.Changed += () => changes++;

        Assert.Equal(ConnectStage.ShowingCode, session.Stage);
        Assert.Equal("CODE0001", session.Code?.PairingCode);
        Assert.Equal(TimeSpan.FromSeconds(56), session.TimeLeft);

        Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(46), session.TimeLeft);
        Assert.True(changes >= 10, $"The countdown should redraw every second; it changed {changes} times.");
    }

    [Fact]
    public async Task The_next_code_is_fetched_before_the_current_one_expires_and_lives_the_shorter_lifetime()
    {
        var session = await StartedAsync();

        Advance(TimeSpan.FromSeconds(55));
        Assert.Single(_api.ConnectRequests);
        Assert.Equal(1, session.CodeNumber);

        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _api.ConnectRequests.Count);
        Assert.Equal(2, session.CodeNumber);
        Assert.Equal("CODE0002", session.Code?.PairingCode);
        Assert.Equal(TimeSpan.FromSeconds(16), session.TimeLeft);
    }

    [Fact]
    public async Task A_timer_that_fires_a_few_milliseconds_early_still_gets_the_next_code()
    {
        // Timers run on a coarse monotonic clock: on Linux one may fire ~4 ms before the wall clock reaches its due time.
        var session = await StartedAsync(new EarlyTimers(_clock, TimeSpan.FromMilliseconds(4)));

        Advance(TimeSpan.FromSeconds(55));
        _clock.Advance(TimeSpan.FromMilliseconds(996));
        Assert.Equal(1, session.CodeNumber);

        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, session.CodeNumber);
        Assert.Equal("CODE0002", session.Code?.PairingCode);
    }

    [Fact]
    public async Task Joining_an_attempt_already_under_way_assumes_the_shorter_lifetime_for_the_first_code()
    {
        SetLive(NumberState.Connecting);

        var session = await StartedAsync();

        Assert.Equal(TimeSpan.FromSeconds(16), session.TimeLeft);
    }

    [Fact]
    public async Task The_attempt_counter_goes_to_six_then_the_attempt_is_exhausted_and_can_start_again()
    {
        var session = await StartedAsync();

        Advance(TimeSpan.FromSeconds(56 + (16 * 4)));
        Assert.Equal(6, session.CodeNumber);
        Assert.Equal(6, session.MaxCodes);
        Assert.True(session.IsLastCode);
        Assert.Equal(ConnectStage.ShowingCode, session.Stage);

        Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(ConnectStage.Exhausted, session.Stage);
        Assert.Null(session.Code);
        Assert.Equal(6, _api.ConnectRequests.Count);

        var polls = _api.StatusRequests.Count;
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(polls, _api.StatusRequests.Count);

        await session.StartAsync();
        Assert.Equal(ConnectStage.ShowingCode, session.Stage);
        Assert.Equal(1, session.CodeNumber);
        Assert.Equal("CODE0007", session.Code?.PairingCode);
    }

    [Fact]
    public async Task A_poll_that_reads_OPEN_shows_success_at_once_hides_the_code_and_stops_polling()
    {
        var session = await StartedAsync();
        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, _api.StatusRequests.Count); // one to prepare, one poll

        SetLive(NumberState.Open, ready: true);
        Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ConnectStage.Connected, session.Stage);
        Assert.Null(session.Code);
        Assert.Equal(1, _api.ListInvalidations);
        var polls = _api.StatusRequests.Count;
        Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(polls, _api.StatusRequests.Count);
        Assert.Single(_api.ConnectRequests);
    }

    [Fact]
    public async Task A_number_connected_event_ends_the_wizard_at_once_without_waiting_for_the_next_poll()
    {
        var session = await StartedAsync();
        var polls = _api.StatusRequests.Count;

        _states.Observe(Id, NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected");

        Assert.Equal(ConnectStage.Connected, session.Stage);
        Assert.Null(session.Code);
        Assert.Equal(polls, _api.StatusRequests.Count);
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(polls, _api.StatusRequests.Count);
    }

    [Fact]
    public async Task An_event_for_another_number_or_a_closed_wizard_changes_nothing()
    {
        var session = await StartedAsync();
        var closed = await StartedAsync();
        closed.Dispose();

        _states.Observe("another-number", NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected");
        Assert.Equal(ConnectStage.ShowingCode, session.Stage);

        _states.Observe(Id, NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected");
        Assert.Equal(ConnectStage.Connected, session.Stage);
        Assert.NotEqual(ConnectStage.Connected, closed.Stage);
    }

    [Fact]
    public async Task A_409_at_start_means_already_connected()
    {
        _api.OnConnect = _ => new ApiFailure(ApiFailureKind.Conflict, "Number is already connected, so there is no new code to scan.");

        var session = await StartedAsync();

        Assert.Equal(ConnectStage.AlreadyConnected, session.Stage);
        Assert.Null(session.Failure);
        Assert.Null(session.Code);
    }

    [Fact]
    public async Task A_number_whose_live_state_is_OPEN_is_already_connected_without_asking_for_a_code()
    {
        SetLive(NumberState.Open, ready: true);

        var session = Create();
        await session.LoadAsync();

        Assert.Equal(ConnectStage.AlreadyConnected, session.Stage);
        Assert.Empty(_api.ConnectRequests);
    }

    [Fact]
    public async Task A_Meta_number_has_no_QR_flow_and_no_code_is_asked_for()
    {
        _api.Numbers.Add(ContractNumbers.Meta());

        var session = Create(numberId: ContractNumbers.MetaId);
        await session.LoadAsync();
        await session.StartAsync();

        Assert.Equal(ConnectStage.MetaNumber, session.Stage);
        Assert.Empty(_api.ConnectRequests);
    }

    [Fact]
    public async Task An_API_error_while_replacing_a_code_is_a_failure_with_the_APIs_message_and_stops_everything()
    {
        var session = await StartedAsync();
        var limited = new ApiFailure(ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429). Try again in 30 seconds.");
        _api.OnConnect = _ => limited;

        Advance(TimeSpan.FromSeconds(56));

        Assert.Equal(ConnectStage.Failed, session.Stage);
        Assert.Equal(limited, session.Failure);
        Assert.Null(session.Code);
        var calls = _api.StatusRequests.Count + _api.ConnectRequests.Count;
        Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(calls, _api.StatusRequests.Count + _api.ConnectRequests.Count);
    }

    [Fact]
    public async Task A_rate_limited_poll_keeps_the_code_on_screen_says_the_live_check_is_paused_and_honours_retry_after()
    {
        var session = await StartedAsync();
        var limited = new ApiFailure(ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429). Try again in 10 seconds.",
            RetryAfter: TimeSpan.FromSeconds(10));
        _api.LiveStatuses[Id] = limited;

        Advance(TimeSpan.FromSeconds(2)); // the poll at 2 s is refused
        var polls = _api.StatusRequests.Count;

        Assert.Equal(ConnectStage.ShowingCode, session.Stage);
        Assert.Equal("CODE0001", session.Code?.PairingCode);
        Assert.Null(session.Failure);
        Assert.Equal(limited, session.LiveCheckPaused?.Reason);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(10), session.LiveCheckPaused?.ResumesAt);

        Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(polls, _api.StatusRequests.Count); // nothing asked while Pilot Status said to wait

        SetLive(NumberState.Connecting);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(polls + 1, _api.StatusRequests.Count);
        Assert.Null(session.LiveCheckPaused);

        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(polls + 2, _api.StatusRequests.Count); // back to the usual pace
    }

    [Fact]
    public async Task Failed_polls_back_off_while_codes_keep_rotating_and_a_scan_is_still_noticed()
    {
        var session = await StartedAsync();
        _api.LiveStatuses[Id] = new ApiFailure(ApiFailureKind.Unavailable, "Pilot Status answered with a server error (HTTP 500).");

        Advance(TimeSpan.FromSeconds(2)); // fails: waits 4 s
        Advance(TimeSpan.FromSeconds(4)); // fails: waits 8 s
        var polls = _api.StatusRequests.Count;
        Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(polls, _api.StatusRequests.Count);
        Assert.Equal(ConnectStage.ShowingCode, session.Stage);
        Assert.NotNull(session.LiveCheckPaused);

        Advance(TimeSpan.FromSeconds(56 - 13)); // the first code's turn is over: the second replaces it
        Assert.Equal(2, session.CodeNumber);
        Assert.Equal("CODE0002", session.Code?.PairingCode);

        SetLive(NumberState.Open, ready: true);
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ConnectStage.Connected, session.Stage);
        Assert.Null(session.LiveCheckPaused);
    }

    [Fact]
    public async Task A_409_once_a_code_was_asked_for_refreshes_the_stale_live_state()
    {
        var session = Create();
        await session.LoadAsync();
        Assert.Equal(NumberState.Closed, session.Live?.State);

        SetLive(NumberState.Open, ready: true); // paired elsewhere in the meantime
        _api.OnConnect = _ => new ApiFailure(ApiFailureKind.Conflict, "Number is already connected, so there is no new code to scan.");
        await session.StartAsync();

        Assert.Equal(ConnectStage.AlreadyConnected, session.Stage);
        Assert.Equal(NumberState.Open, session.Live?.State);
        Assert.Equal(1, _api.ListInvalidations);
    }

    [Fact]
    public async Task A_code_issued_with_the_new_number_is_shown_as_the_first_and_the_attempt_goes_on_from_it()
    {
        var session = Create();
        await session.LoadAsync();

        await session.ShowIssuedCodeAsync(new ConnectCode("data:image/png;base64,CREATED", "FROMCREATE"));

        Assert.Equal(ConnectStage.ShowingCode, session.Stage);
        Assert.Equal((1, "FROMCREATE"), (session.CodeNumber, session.Code?.PairingCode));
        Assert.Empty(_api.ConnectRequests);
        Assert.Equal(TimeSpan.FromSeconds(56), session.TimeLeft);

        Advance(TimeSpan.FromSeconds(56));
        Assert.Equal((2, "CODE0001"), (session.CodeNumber, session.Code?.PairingCode));
    }

    [Fact]
    public async Task Disposing_while_the_timers_are_being_made_leaves_none_running()
    {
        var clock = new HookedTimers(_clock);
        var session = Create(clock: clock);
        await session.LoadAsync();
        // The wizard is closed at the worst moment: after the session decided to show the code, before its timers exist.
        clock.OnFirstTimer = session.Dispose;

        await session.StartAsync();

        Assert.NotEmpty(clock.Timers);
        Assert.All(clock.Timers, timer => Assert.True(timer.Disposed, "A timer made around Dispose was left running."));
        var polls = _api.StatusRequests.Count;
        Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(polls, _api.StatusRequests.Count);
    }

    [Fact]
    public async Task A_number_deleted_while_the_code_is_on_screen_is_reported_as_gone()
    {
        var session = await StartedAsync();
        _api.LiveStatuses[Id] = ScriptedPilotStatusClient.NotFound(Id);

        Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ConnectStage.Failed, session.Stage);
        Assert.Equal(ApiFailureKind.NotFound, session.Failure?.Kind);
        Assert.Equal(NumberFleet.NotFound.Message, session.Failure?.Message);
    }

    [Fact]
    public async Task A_number_outside_the_operators_scope_is_not_found_and_nothing_is_asked_of_Pilot_Status()
    {
        var support = new OperatorScope("operator-2", OperatorRoles.Support, new HashSet<int>());

        var session = Create(support);
        await session.LoadAsync();
        await session.StartAsync();

        Assert.Equal(ConnectStage.Failed, session.Stage);
        Assert.Equal(NumberFleet.NotFound, session.Failure);
        Assert.Empty(_api.StatusRequests);
        Assert.Empty(_api.ConnectRequests);
    }

    [Fact]
    public async Task Start_again_after_the_number_could_not_be_read_reads_it_again_and_asks_for_a_code()
    {
        var numbers = _api.Numbers.ToList();
        _api.Numbers.Clear();
        var session = Create();
        await session.LoadAsync();
        Assert.Equal(ConnectStage.Failed, session.Stage);

        _api.Numbers.AddRange(numbers);
        await session.StartAsync();

        Assert.Equal(ConnectStage.ShowingCode, session.Stage);
        Assert.Null(session.Failure);
        Assert.Equal(1, session.CodeNumber);
    }

    [Fact]
    public async Task Once_disposed_no_call_is_made_however_far_the_clock_moves()
    {
        var session = await StartedAsync();
        Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(3, _api.StatusRequests.Count); // one to prepare, two polls

        session.Dispose();
        Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3, _api.StatusRequests.Count);
        Assert.Single(_api.ConnectRequests);
    }

    [Fact]
    public async Task Revealing_the_code_is_logged_with_who_and_which_number_and_raised_for_the_audit_log()
    {
        var session = await StartedAsync();
        var reveals = new List<CodeReveal>();
        session.CodeRevealed += reveals.Add;
        Assert.False(session.Revealed);

        session.Reveal();

        Assert.True(session.Revealed);
        Assert.Equal([new CodeReveal("operator-1", Id, _clock.GetUtcNow())], reveals);
        Assert.Contains(_logs.Lines, l => l.Contains("OperatorId=operator-1") && l.Contains($"NumberId={Id}") && l.Contains("revealed"));
    }

    [Fact]
    public async Task A_connect_that_pairs_records_started_revealed_and_connected_once_each()
    {
        var session = await StartedAsync();
        session.Reveal();
        session.Reveal();
        Advance(TimeSpan.FromSeconds(2));
        SetLive(NumberState.Open, ready: true);
        Advance(TimeSpan.FromSeconds(10));
        session.Dispose();

        Assert.Equal(
            [AuditActions.ConnectStarted, AuditActions.ConnectCodeRevealed, AuditActions.ConnectConnected],
            await AuditedAsync(session));
    }

    [Fact]
    public async Task An_attempt_whose_codes_all_expire_records_one_gave_up_and_start_again_a_second_started()
    {
        var session = await StartedAsync();
        Advance(TimeSpan.FromSeconds(56 + (16 * 5)));
        Assert.Equal(ConnectStage.Exhausted, session.Stage);

        await session.StartAsync();
        session.Dispose();

        Assert.Equal(
            [AuditActions.ConnectStarted, AuditActions.ConnectGaveUp, AuditActions.ConnectStarted, AuditActions.ConnectGaveUp],
            await AuditedAsync(session));
    }

    [Fact]
    public async Task Closing_the_wizard_with_a_code_on_screen_records_gave_up_and_closing_after_success_does_not()
    {
        var closedEarly = await StartedAsync();
        closedEarly.Dispose();
        closedEarly.Dispose();

        Assert.Equal([AuditActions.ConnectStarted, AuditActions.ConnectGaveUp], await AuditedAsync(closedEarly));
        await using var db = _database.CreateDbContext();
        var gaveUp = db.AuditEntries.Single(e => e.Action == AuditActions.ConnectGaveUp);
        Assert.Equal(("operator-1", Id), (gaveUp.OperatorId, gaveUp.NumberId));
        Assert.Contains("closed", gaveUp.Detail);
    }

    [Fact]
    public async Task Already_connected_numbers_record_nothing()
    {
        _api.OnConnect = _ => new ApiFailure(ApiFailureKind.Conflict, "already connected");
        var session = await StartedAsync();
        session.Dispose();

        Assert.Equal(ConnectStage.AlreadyConnected, session.Stage);
        Assert.Empty(await AuditedAsync(session));
    }

    private async Task<List<string>> AuditedAsync(ConnectSession session)
    {
        await session.AuditWritten;
        await using var db = _database.CreateDbContext();
        return db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToList();
    }

    [Theory]
    [InlineData("ABCD1234", "ABCD-1234")]
    [InlineData("abcd-1234", "ABCD-1234")]
    [InlineData(" AB CD 12 34 ", "ABCD-1234")]
    public void A_pairing_code_is_shown_upper_case_in_groups_of_four(string code, string shown) =>
        Assert.Equal(shown, PairingCodeDisplay.Format(code));

    public void Dispose()
    {
        _sessions.ForEach(s => s.Dispose());
        _database.Dispose();
        _loggers.Dispose();
    }

    private static WhatsAppNumber Disconnected() => ContractNumbers.Qr() with { State = NumberState.Closed, Ready = false };

    private async Task<ConnectSession> StartedAsync(TimeProvider? clock = null)
    {
        var session = Create(clock: clock);
        await session.LoadAsync();
        await session.StartAsync();
        return session;
    }

    private ConnectSession Create(OperatorScope? scope = null, string numberId = Id, TimeProvider? clock = null)
    {
        var fleet = new NumberFleet(_api, new CustomerDirectory(_database), new FleetIndex());
        var sessions = new ConnectSessions(_api, fleet, Options.Create(new ConnectOptions()), clock ?? _clock, _loggers.CreateLogger<ConnectSession>(),
            new AuditLog(_database, new RequestOrigin(), _clock, _loggers.CreateLogger<AuditLog>()), _states);
        var session = sessions.Create(scope ?? Administrator, numberId);
        _sessions.Add(session);
        return session;
    }

    private void SetLive(NumberState state, bool ready = false) =>
        _api.LiveStatuses[Id] = ApiResult.Success(new LiveStatus(Id, state, ready, _clock.GetUtcNow()));

    /// <summary>The test clock, but every timer's first turn comes <paramref name="early"/> before it is due.</summary>
    private sealed class EarlyTimers(FakeTimeProvider clock, TimeSpan early) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(callback, state, dueTime > early ? dueTime - early : dueTime, period);
    }

    /// <summary>The test clock, keeping every timer it makes; the first one made runs a hook first (e.g. a Dispose).</summary>
    private sealed class HookedTimers(FakeTimeProvider clock) : TimeProvider
    {
        public Action? OnFirstTimer { get; set; }

        public List<TrackedTimer> Timers { get; } = [];

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var hook = OnFirstTimer;
            OnFirstTimer = null;
            hook?.Invoke();
            var timer = new TrackedTimer(clock.CreateTimer(callback, state, dueTime, period));
            Timers.Add(timer);
            return timer;
        }
    }

    private sealed class TrackedTimer(ITimer inner) : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            Disposed = true;
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Second by second, as a clock on a wall would: every timer due on the way fires in order.</summary>
    private void Advance(TimeSpan by)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < by; elapsed += TimeSpan.FromSeconds(1))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
