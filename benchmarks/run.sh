#!/usr/bin/env bash
# Side-by-side benchmark: the Fwk sample (samples/UsersApp) against a hand-written Minimal API + EF Core app
# (benchmarks/Baseline) serving the same JSON from the same database. Both run in Release on 127.0.0.1; wrk
# alternates between them for ROUNDS rounds and the script prints requests/s and the Fwk/baseline ratio per path.
# Usage: benchmarks/run.sh [DURATION_SECONDS=10] [ROUNDS=3] [CONNECTIONS=32]
set -euo pipefail
duration=${1:-10}
rounds=${2:-3}
connections=${3:-32}
root=$(cd "$(dirname "$0")/.." && pwd)
sample_dir="$root/samples/UsersApp"
fwk_port=8101
base_port=8102

if ! command -v wrk >/dev/null; then
  echo "Installing wrk…"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "Building (Release)…"
dotnet build "$sample_dir/UsersApp.csproj" -c Release -nologo -v q
dotnet build "$root/benchmarks/Baseline/Baseline.csproj" -c Release -nologo -v q
sample_dll="$sample_dir/bin/Release/net10.0/UsersApp.dll"
base_dll="$root/benchmarks/Baseline/bin/Release/net10.0/Baseline.dll"

cd "$sample_dir"
dotnet "$sample_dll" create_db >/dev/null
dotnet "$sample_dll" init_project >/dev/null
status=$(dotnet "$sample_dll" db status)
socket=$(sed -n 's/.*socket \([^,]*\), port \([0-9]*\).*/\1/p' <<<"$status")
pg_port=$(sed -n 's/.*socket \([^,]*\), port \([0-9]*\).*/\2/p' <<<"$status")

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

FWK_NETWORKING__URLS="http://127.0.0.1:$fwk_port" dotnet "$sample_dll" >/dev/null 2>&1 &
pids+=($!)
ConnectionString="Host=$socket;Port=$pg_port;Username=postgres;Database=users_app;Maximum Pool Size=50" \
  ASPNETCORE_URLS="http://127.0.0.1:$base_port" dotnet "$base_dll" >/dev/null 2>&1 &
pids+=($!)

for port in $fwk_port $base_port; do
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.5; done
done

rps() { wrk -t1 -c"$connections" -d"$1"s "$2" | awk '/Requests\/sec/ {print $2}'; }

for path in / /users/1; do
  rps "$duration" "http://127.0.0.1:$fwk_port$path" >/dev/null   # warm up both (JIT tiers, pools, caches)
  rps "$duration" "http://127.0.0.1:$base_port$path" >/dev/null
  fwk_all=(); base_all=()
  for round in $(seq 1 "$rounds"); do
    # Alternate who goes first, so a machine that speeds up or slows down during the run favours neither.
    if (( round % 2 )); then
      fwk_all+=("$(rps "$duration" "http://127.0.0.1:$fwk_port$path")")
      base_all+=("$(rps "$duration" "http://127.0.0.1:$base_port$path")")
    else
      base_all+=("$(rps "$duration" "http://127.0.0.1:$base_port$path")")
      fwk_all+=("$(rps "$duration" "http://127.0.0.1:$fwk_port$path")")
    fi
  done
  fwk_median=$(printf '%s\n' "${fwk_all[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  base_median=$(printf '%s\n' "${base_all[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  ratio=$(awk -v f="$fwk_median" -v b="$base_median" 'BEGIN {printf "%.3f", f / b}')
  echo "GET $path  fwk: ${fwk_all[*]} req/s  baseline: ${base_all[*]} req/s  median ratio fwk/baseline: $ratio"
done
