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

dotnet test Inspection.sln --configuration Release --logger "console;verbosity=normal"
