#!/usr/bin/env bash
# Sets up and serves the sample on http://127.0.0.1:8000: PostgreSQL binaries if missing, build, create_db
# (starts the managed local cluster under samples/UsersApp/.fwk/), seed data, then serve until Ctrl+C.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
cd "$root/samples/UsersApp"
dotnet build -nologo -v q
dotnet run --no-build -- create_db
dotnet run --no-build -- init_project
exec dotnet run --no-build
