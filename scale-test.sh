#!/usr/bin/env bash
# Several instances for real: Redis, PostgreSQL, one standalone Pilot Status sandbox (Live mode over HTTP), two
# dashboard instances and HAProxy, all on 127.0.0.1, then the Playwright scenarios of tests/E2E/Scale against them.
# Everything it starts is stopped when it ends, whatever happens. Usage: ./scale-test.sh [RESULTS_DIR]
# (./test.sh passes its results folder: the .trx files written there count in its final line).
# Ends with one line: "scale: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root="$(pwd)"
configuration="${CONFIGURATION:-Debug}"
results="${1:-}"
work="$(mktemp -d /tmp/fleet-scale.XXXXXX)"
[ -n "$results" ] || results="$work/results"
mkdir -p "$results"
pids=()

source deploy/services.sh

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  wait 2>/dev/null
  services_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "scale-test: $1" >&2
  echo "scale: 0 passed, 1 failed, 0 skipped"
  exit 1
}

services_install haproxy || fail "could not install redis-server, postgresql and haproxy with apt-get."
services_start "$(mktemp -d /tmp/fleet-services.XXXXXX)" || fail "Redis or PostgreSQL did not start."

dashboard_dll="src/Dashboard/bin/$configuration/net10.0/Dashboard.dll"
sandbox_dll="src/PilotStatus.Sandbox/bin/$configuration/net10.0/PilotStatus.Sandbox.dll"
if [ ! -f "$dashboard_dll" ] || [ ! -f "$sandbox_dll" ] || [ ! -f "tests/E2E/bin/$configuration/net10.0/E2E.dll" ]; then
  dotnet build Dashboard.sln -c "$configuration" --nologo -v quiet -clp:ErrorsOnly || fail "the build failed."
fi

wait_for() { # url seconds [curl options]
  local url="$1" seconds="$2"; shift 2
  for _ in $(seq $(( seconds * 5 ))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")" = "200" ] && return 0
    sleep 0.2
  done
  return 1
}

sandbox_port="$(services_port)"; port_a="$(services_port)"; port_b="$(services_port)"; port_lb="$(services_port)"
export SCALE_SANDBOX_URL="http://127.0.0.1:$sandbox_port"
dotnet "$sandbox_dll" --urls "$SCALE_SANDBOX_URL" --PilotStatus:Sandbox:FleetSize=40 \
  --Logging:LogLevel:Default=Warning >"$work/sandbox.log" 2>&1 &
pids+=($!)
wait_for "$SCALE_SANDBOX_URL/sandbox/requests" 60 -H "x-api-key: ps_sandbox_tenant_key" || { tail -20 "$work/sandbox.log" >&2; fail "the sandbox did not start."; }

export SCALE_ADMIN_EMAIL="ana@example.com" SCALE_ADMIN_PASSWORD="correct horse battery"
export SCALE_DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=fleet"
start_instance() { # name port
  ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=PostgreSql Database__ConnectionString="$SCALE_DATABASE" \
  Redis__ConnectionString="$REDIS_TEST_CONNECTION" \
  PilotStatus__Mode=Live PilotStatus__BaseUrl="$SCALE_SANDBOX_URL" PilotStatus__TenantApiKey=ps_sandbox_tenant_key \
  FirstAdministrator__Email="$SCALE_ADMIN_EMAIL" FirstAdministrator__Password="$SCALE_ADMIN_PASSWORD" \
  LiveUpdates__InboxLease=00:00:05 LiveUpdates__InboxPollInterval=00:00:00.200 \
  Logging__LogLevel__Default=Warning \
  dotnet "$dashboard_dll" --urls "http://127.0.0.1:$2" --contentRoot "$root/src/Dashboard" >"$work/$1.log" 2>&1 &
  echo $!
}

# A first, alone: it migrates the database; B starts on a migrated one.
pid_a="$(start_instance a "$port_a")"
pids+=("$pid_a")
wait_for "http://127.0.0.1:$port_a/health/ready" 120 || { tail -40 "$work/a.log" >&2; fail "instance A did not become ready."; }

# The receiver's token, as "Enable live updates" would store it (that needs an https address in Live mode).
export SCALE_RECEIVER_TOKEN="scale-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d fleet -qc \
  "INSERT INTO \"DashboardSettings\" (\"Key\", \"Value\", \"ChangedAt\") VALUES ('live-updates.receiver-token', '$SCALE_RECEIVER_TOKEN', now())" \
  || fail "could not store the receiver token."

pid_b="$(start_instance b "$port_b")"
pids+=("$pid_b")
wait_for "http://127.0.0.1:$port_b/health/ready" 120 || { tail -40 "$work/b.log" >&2; fail "instance B did not become ready."; }

DASHBOARD_LISTEN="127.0.0.1:$port_lb" DASHBOARD_A="127.0.0.1:$port_a" DASHBOARD_B="127.0.0.1:$port_b" \
  haproxy -f deploy/haproxy.cfg -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port_lb/health/live" 30 || { cat "$work/haproxy.log" >&2; fail "HAProxy did not start."; }

export SCALE_BALANCER_URL="http://127.0.0.1:$port_lb" SCALE_A_URL="http://127.0.0.1:$port_a" SCALE_B_URL="http://127.0.0.1:$port_b"
export SCALE_A_PID="$pid_a"

status=0
run_group() { # name filter
  echo "== $1"
  dotnet test tests/E2E -c "$configuration" --no-build --nologo --filter "$2" \
    --logger "trx;LogFileName=$1.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1
  [ -f "$results/$1.trx" ] || { echo "$1 did not produce results." >&2; status=1; }
}
if [ -n "${BENCH:-}" ]; then
  run_group ScaleBenchmark "Category=Benchmark&Topology=Scale"
fi
# In this order: requiring 2FA changes every later sign-in, and the last scenario kills instance A.
run_group Scale "Category=Scale"
run_group ScaleTwoFactor "Category=ScaleTwoFactor"
run_group ScaleKill "Category=ScaleKill"

count() { grep -ho "$1=\"[0-9]*\"" "$results"/Scale*.trx 2>/dev/null | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(count passed); failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) )); skipped=$(count notExecuted)
[ "$failed" -gt 0 ] && status=1
if [ "$status" -ne 0 ]; then
  for log in a b sandbox haproxy; do echo "--- $log.log (last lines)"; tail -20 "$work/$log.log"; done
fi
echo "scale: $passed passed, $failed failed, $skipped skipped"
exit $status
