#!/usr/bin/env bash
# Runs every test of the solution (unit, in-process HTTP, real PostgreSQL, CLI end to end). Installs PostgreSQL's
# binaries first when missing. Results (one .trx per test project) go to TestResults/. Extra arguments go to dotnet test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
cd "$root"
dotnet test Framework.sln --logger "trx" --results-directory TestResults "$@"
