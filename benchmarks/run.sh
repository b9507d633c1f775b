#!/usr/bin/env bash
# The benchmark: builds the sample and the benchmark targets in Release, then runs the harness (benchmarks/Harness), which
# prints requests/s, p99 and memory per scenario with ratios to the hand-written EF Core baseline and the A/A spread,
# then cold start and create_db times. Installs PostgreSQL's binaries and wrk first when missing.
# Usage: benchmarks/run.sh [--quick | --replica | --cold] [--rounds N] [--duration S] [--connections C]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
bash "$root/scripts/ensure-tools.sh"
for project in samples/UsersApp benchmarks/Baseline benchmarks/RawNpgsql benchmarks/Harness; do
  output=$(dotnet build "$root/$project" -c Release -nologo -v q) || { echo "$output"; exit 1; }
done
dotnet "$root/benchmarks/Harness/bin/Release/net10.0/Harness.dll" "$@"
