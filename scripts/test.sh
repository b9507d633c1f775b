#!/usr/bin/env bash
# Runs every test (unit, in-process HTTP, real PostgreSQL, CLI end to end, the sample's own tests, then the reliability
# suite on its own so its load and fault figures are not disturbed). Installs PostgreSQL's binaries, HAProxy and wrk first
# when missing. Results (one .trx per test project) go to TestResults/. Extra arguments go to dotnet test.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh" || exit 1
bash "$root/scripts/ensure-tools.sh" || exit 1
cd "$root"
dotnet test Framework.sln --filter "FullyQualifiedName!~Fwk.Reliability.Tests" --logger "trx" --results-directory TestResults "$@"
status=$?
dotnet test tests/Reliability --no-build --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
reliability=$?
exit $(( status != 0 ? status : reliability ))
