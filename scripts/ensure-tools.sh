#!/usr/bin/env bash
# Makes sure the tools the reliability suite and the benchmarks start are on this machine: HAProxy (two instances
# behind a proxy) and wrk (load). Installs Debian's packages when they are missing and we are root.
set -euo pipefail
missing=()
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing ${missing[*]}: install them (e.g. 'sudo apt-get install ${missing[*]}') and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} (apt-get install)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
