#!/usr/bin/env bash
# Sets up and serves the sample on http://127.0.0.1:8000: PostgreSQL binaries if missing, build, create_db
# (starts the managed local cluster under samples/UsersApp/.fwk/), seed data, then serve until Ctrl+C or SIGTERM.
# When the sample stops (Ctrl+C, SIGTERM, or the app exits), the cluster is stopped too if this script started it;
# a cluster that was already running stays running.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
cd "$root/samples/UsersApp"
dotnet build -nologo -v q

# `db status` prints "running (…)" for each bind whose cluster runs (both binds share the sample's cluster).
started_db=true
if dotnet run --no-build -- db status | grep -q 'running ('; then
  started_db=false
fi
stop_db() {
  if [[ $started_db == true ]]; then
    dotnet run --no-build -- db stop || true
  fi
}
trap stop_db EXIT

dotnet run --no-build -- create_db
dotnet run --no-build -- init_project

# The sample's accounts sign access tokens with FWK_AUTH_SIGNING_KEY. Unless it is set, a random key made once and kept
# in .fwk/ (readable by this user only), so tokens outlive a restart.
if [[ -z ${FWK_AUTH_SIGNING_KEY:-} ]]; then
  if [[ ! -s .fwk/auth_signing_key ]]; then
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 > .fwk/auth_signing_key)
  fi
  FWK_AUTH_SIGNING_KEY=$(< .fwk/auth_signing_key)
  export FWK_AUTH_SIGNING_KEY
fi

# The app runs in the background so that this shell can pass SIGTERM on (a foreground child would keep the trap
# waiting). A background child of a script ignores SIGINT, so Ctrl+C reaches the app as SIGTERM: the same graceful stop.
dotnet run --no-build &
app=$!
trap 'kill -TERM "$app" 2>/dev/null || true' INT TERM
status=0
wait "$app" || status=$?
# A signal interrupts `wait` while the app is still stopping: wait for its own exit code.
while kill -0 "$app" 2>/dev/null; do
  status=0
  wait "$app" || status=$?
done
exit "$status"
