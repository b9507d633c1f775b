#!/usr/bin/env bash
# Packs Fwk, Fwk.Db, Fwk.Jobs, Fwk.Accounts, Fwk.Testing and the fwk command (Fwk.Cli) from this repository into artifacts/packages and installs fwk
# from there as a .NET tool: globally (~/.dotnet/tools/fwk) or, with --tool-path DIR, into DIR.
#
#   scripts/install-fwk.sh                    # then: fwk --help
#   scripts/install-fwk.sh --tool-path DIR    # then: DIR/fwk --help
#   scripts/install-fwk.sh --version 0.1.0    # package version (default: <csproj version>-dev.<UTC timestamp>)
#
# Each run packs a new version by default, so an update never picks a stale copy of the same version from the
# NuGet cache. Projects created with `fwk create_project --package-source <repo>/artifacts/packages` reference the
# Fwk, Fwk.Db, Fwk.Jobs, Fwk.Accounts and Fwk.Testing packages of the same version as the installed fwk.
set -euo pipefail

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_path=""
version=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tool-path) tool_path="${2:?--tool-path needs a directory}"; shift 2 ;;
    --version) version="${2:?--version needs a version}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-fwk.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-fwk.sh: the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK first." >&2
  exit 1
fi

if [[ -z "$version" ]]; then
  base="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/src/Framework.Cli/Framework.Cli.csproj" | head -n 1)"
  version="${base:-0.1.0}-dev.$(date -u +%Y%m%d%H%M%S)"
fi

packages="$repo/artifacts/packages"
mkdir -p "$packages"
rm -f "$packages"/Fwk.*.nupkg
for project in Framework Framework.Db Framework.Jobs Framework.Accounts Framework.Testing Framework.Cli; do
  echo "Packing src/$project ($version)…"
  # Built under artifacts/build so the developers' bin/ and obj/ folders are left alone.
  dotnet pack "$repo/src/$project" -c Release -o "$packages" --artifacts-path "$repo/artifacts/build" \
    -p:Version="$version" -nologo -v q
done

echo "Installing fwk $version from $packages…"
if [[ -n "$tool_path" ]]; then
  dotnet tool update --tool-path "$tool_path" --add-source "$packages" --version "$version" Fwk.Cli
  echo
  echo "fwk is installed in $tool_path. Run it as $tool_path/fwk, or put that folder on PATH:"
  echo "  export PATH=\"$tool_path:\$PATH\""
else
  dotnet tool update --global --add-source "$packages" --version "$version" Fwk.Cli
  tools="$HOME/.dotnet/tools"
  echo
  case ":$PATH:" in
    *":$tools:"*) echo "fwk is installed in $tools, which is on PATH: try \`fwk --help\`." ;;
    *)
      echo "fwk is installed in $tools, which is not on PATH yet. Add it (and to ~/.bashrc or ~/.profile to keep it):"
      echo "  export PATH=\"\$PATH:$tools\""
      ;;
  esac
fi
echo
echo "Create a project that references this repository's source:"
echo "  fwk create_project --name Shop --fwk-source $repo"
echo "or the packages just built:"
echo "  fwk create_project --name Shop --package-source $packages"
