#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly CLI's recommended rules (the version pinned in scripts/openapi-lint, installed
# with `npm ci` on first use). Prints the count of each rule's findings and the closing line; exits non-zero on any error.
# Usage: scripts/lint-openapi.sh FILE
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 FILE" >&2
  exit 2
fi
dir=$(cd "$(dirname "$0")/openapi-lint" && pwd)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node and npm are needed to lint the OpenAPI document: install Node.js 20.19 or later (Debian/Ubuntu: 'apt-get install nodejs npm')." >&2
  exit 3
fi
if [ ! -d "$dir/node_modules" ]; then
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec node "$dir/node_modules/@redocly/cli/bin/cli.js" lint --extends=recommended --format=summary "$1"
