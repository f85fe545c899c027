#!/usr/bin/env bash
# Runs the whole test suite as CI does: installs what the tests need (Chromium for the browser tests,
# PostgreSQL 15 for the database tests, libgomp for ML.NET), then every test project in the solution.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
ldconfig -p 2>/dev/null | grep -q libgomp.so.1 || missing+=(libgomp1)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The console log is long (servers log as they run): a failure is repeated at its end, where CI's tail shows it.
log="$(mktemp)"
status=0
dotnet test Inspection.sln --configuration Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "==== failed tests ===="
  grep -E -A 20 '^[[:space:]]+Failed Inspection\.' "$log" | grep -v -E '^(info|warn|dbug): ' | head -400 || true
fi
rm -f "$log"
exit "$status"
