#!/usr/bin/env bash
# On-demand benchmarks (never part of ./test.sh): the numbers list at 10,000 sandbox numbers in headless Chromium.
# Prints the figures the README quotes. Uses a Release build.
set -euo pipefail
cd "$(dirname "$0")"
[ -x /usr/bin/chromium ] || { echo "Run ./test.sh first (it installs Chromium)."; exit 1; }
dotnet build Dashboard.sln -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test tests/E2E -c Release --no-build --nologo --filter "Category=Benchmark" --logger "console;verbosity=detailed" \
  | grep -E "^\s*(Numbers page|Messages page|Passed|Failed)" || true
