#!/usr/bin/env bash
# The jobs benchmark (issue 18): builds the C# runners and the harness in Release, installs the graphile-worker runner's
# packages when missing, makes sure PostgreSQL's server binaries are there, then runs the harness (benchmarks/Jobs),
# which starts one throwaway cluster and prints jobs/s (batches of 1 and 100) and enqueue-to-start p50/p99 per target.
# Usage: benchmarks/jobs.sh [--quick] [--jobs N] [--rounds R] [--workers W] [--rate R] [--latency-seconds S] [--targets a,b]
#   --quick: 500 jobs, 1 s of latency, 1 round (a smoke run, under a minute)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node and npm are needed for the graphile-worker runner: install Node.js 20 or later (Debian/Ubuntu: 'apt-get install nodejs npm')." >&2
  exit 1
fi
bash "$root/scripts/ensure-postgres.sh"
if [ ! -d "$root/benchmarks/jobs-graphile/node_modules" ]; then
  (cd "$root/benchmarks/jobs-graphile" && npm ci --no-audit --no-fund --loglevel=error)
fi
projects=(benchmarks/JobsHangfire benchmarks/Jobs)
# Fwk's own runner joins once it exists (the harness skips it otherwise).
if [ -f "$root/benchmarks/JobsFwk/JobsFwk.csproj" ]; then
  projects=(benchmarks/JobsFwk "${projects[@]}")
fi
for project in "${projects[@]}"; do
  output=$(dotnet build "$root/$project" -c Release -nologo -v q) || { echo "$output"; exit 1; }
done
dotnet "$root/benchmarks/Jobs/bin/Release/net10.0/JobsBench.dll" "$@"
