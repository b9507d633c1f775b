#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (initdb, pg_ctl, postgres) are on this machine; Fwk's managed local
# cluster and the test fixture run them. Installs Debian's package when they are missing and we are root.
set -euo pipefail
if command -v pg_ctl >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL server binaries not found: install them (e.g. 'sudo apt-get install postgresql') and run again." >&2
  exit 1
fi
echo "Installing PostgreSQL server binaries (apt-get install postgresql)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
