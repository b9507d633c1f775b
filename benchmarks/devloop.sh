#!/usr/bin/env bash
# The dev-loop benchmark: a saved handler edit until the first 200 with the new answer, under `fwk run --watch` of a
# create_project project and under `dotnet watch` of the hand-written baseline (benchmarks/Baseline), the first edit after
# a start apart from the median of the next ones; then `fwk db current` on the unchanged project. Builds fwk (Release)
# and the harness, scaffolds the project in a temp folder, and on exit (also on Ctrl+C or a failure) restores the
# baseline's Program.cs, stops the project's PostgreSQL (`fwk db stop`) and deletes the folder.
# Usage: benchmarks/devloop.sh [--rounds N]   (N edits and db current runs per median, 5 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
for project in src/Framework.Cli benchmarks/Harness; do
  output=$(dotnet build "$root/$project" -c Release -nologo -v q) || { echo "$output"; exit 1; }
done
fwk="$root/src/Framework.Cli/bin/Release/net10.0/fwk"
work=$(mktemp -d "${TMPDIR:-/tmp}/fwk-devloop-XXXXXX")
baseline="$root/benchmarks/Baseline/Program.cs"
cp "$baseline" "$work/Baseline.Program.cs"
cleanup() {
  cmp -s "$work/Baseline.Program.cs" "$baseline" || cp "$work/Baseline.Program.cs" "$baseline"
  if [ -d "$work/Devloop/.fwk" ]; then "$fwk" db stop --no-build --project "$work/Devloop" >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
dotnet "$root/benchmarks/Harness/bin/Release/net10.0/Harness.dll" --devloop --fwk "$fwk" --work "$work" "$@"
