#!/usr/bin/env bash
# Runs every test: unit, component, integration and end-to-end (headless Chromium).
# Installs Debian's Chromium first when it is missing. Ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Debug}"

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: installing Debian's package for the end-to-end tests."
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null; }; then
    echo "Could not install Chromium with apt-get; the end-to-end tests cannot run." >&2
    echo "tests: 0 passed, 1 failed, 0 skipped"
    exit 1
  fi
fi

if ! dotnet build Dashboard.sln -c "$configuration" --nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed; no tests ran." >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

results="$(mktemp -d)"
# A throwaway Redis and PostgreSQL, so the tests that need real ones run instead of being skipped.
source deploy/services.sh
trap 'services_stop; rm -rf "$results"' EXIT
status=0
services_broken=0
# The Redis and PostgreSQL tests skip only where nobody started the servers (a bare `dotnet test`); here a server that
# does not start is a failure, never a silent skip.
if ! services_start "$(mktemp -d /tmp/fleet-services.XXXXXX)"; then
  echo "Redis or PostgreSQL could not be started: the tests that need them cannot run." >&2
  services_broken=1
  status=1
fi
for project in tests/Dashboard.Tests tests/E2E; do
  name="$(basename "$project")"
  echo "== $name"
  if ! dotnet test "$project" -c "$configuration" --no-build --nologo \
      --filter "Category!=Benchmark&Category!=Screenshots&Category!=Scale&Category!=ScaleTwoFactor&Category!=ScaleKill" \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"; then
    status=1
  fi
  if [ ! -f "$results/$name.trx" ]; then
    echo "$name did not produce results: its test run did not complete." >&2
    status=1
  fi
done

# Several instances behind HAProxy (its .trx files land in $results and count below).
echo "== scale"
services_stop
if ! ./scale-test.sh "$results"; then
  status=1
  ls "$results"/Scale*.trx >/dev/null 2>&1 || scale_broken=1 # It stopped before any scenario ran.
fi

sum() { grep -ho "$1=\"[0-9]*\"" "$results"/*.trx 2>/dev/null | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) + ${scale_broken:-0} + services_broken ))
skipped=$(sum notExecuted)
[ "$failed" -gt 0 ] && status=1

echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
