#!/usr/bin/env bash
# Runs every test: unit, in-process HTTP, real PostgreSQL, the sample's own tests and the CLI end to end (the CLI's
# packing and scaffolded builds in parallel with the rest), then on their own the benchmark's smoke run
# (benchmarks/run.sh --quick: every scenario 2xx under load, no ratio below 0.5) and the reliability suite, so their
# figures are not disturbed. Installs PostgreSQL's binaries, HAProxy and wrk first when missing. Results (one .trx per
# test project) go to TestResults/. Extra arguments go to every dotnet test.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh" || exit 1
bash "$root/scripts/ensure-tools.sh" || exit 1
cd "$root"
dotnet build Framework.sln -nologo -v q || exit 1

# One named .trx per project: default names carry only a timestamp, and two projects finishing together would collide.
run() { dotnet test "$1" --no-build --logger "trx;LogFileName=${1//\//_}.trx" --results-directory TestResults "${@:2}"; }

run tests/Framework.Cli.Tests "$@" &
cli=$!
status=0
for project in tests/Framework.Tests tests/Framework.Testing.Tests tests/Framework.Db.Tests tests/Framework.Jobs.Tests tests/Framework.Accounts.Tests samples/UsersApp/tests; do
  run "$project" "$@" || status=1
done
wait "$cli" || status=1
bash benchmarks/run.sh --quick || status=1   # alone: its ratios mean nothing on a machine busy with other tests
run tests/Reliability --logger "console;verbosity=normal" "$@" || status=1
exit "$status"
