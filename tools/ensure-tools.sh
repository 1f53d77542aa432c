#!/usr/bin/env bash
# Installs the Node dev tools (Azurite, Agents Playground, adaptivecards, the Teams app manifest schemas,
# pngjs for the icon script) pinned in
# tools/package-lock.json, but only when they are missing.
#
# Why a script: both tools/run.sh and the test fixture (AzuriteFixture) need
# the tools, and a fresh clone has no node_modules. Skipping when the bins
# exist keeps repeated runs fast and offline-friendly; `npm ci` (not
# `npm install`) installs exactly the lock file and never rewrites it.
#
# Concurrency is the caller's job: AzuriteFixture holds a cross-process lock
# around this script because several test projects start in parallel.
set -euo pipefail

tools_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"

required_bins=(
  "$tools_dir/node_modules/.bin/azurite-table"
  "$tools_dir/node_modules/.bin/agentsplayground"
  # A library without a bin; tools/cards/check-cards.cjs loads this bundle.
  "$tools_dir/node_modules/adaptivecards/dist/adaptivecards.js"
  # Libraries without a bin: the Teams manifest schemas the manifest tests load, and pngjs for
  # tools/manifest/make-icons.cjs.
  "$tools_dir/node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
  "$tools_dir/node_modules/pngjs/package.json"
)

all_present() {
  local bin
  for bin in "${required_bins[@]}"; do
    [[ -e "$bin" ]] || return 1
  done
}

if all_present; then
  exit 0
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ensure-tools: 'node' and 'npm' must be on PATH (prerequisite: Node.js 20 or later)." >&2
  exit 1
fi

# azurite 3.35.0 is the last release that runs on Node 20; older Node fails
# later with obscure syntax errors, so say it up front.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "ensure-tools: Node.js 20 or later is required (found $(node --version))." >&2
  exit 1
fi

echo "ensure-tools: installing Node tools in $tools_dir (npm ci)..." >&2
# Output goes to stderr so callers that capture stdout are not polluted.
(cd -- "$tools_dir" && npm ci --no-audit --no-fund) 1>&2

if ! all_present; then
  echo "ensure-tools: npm ci finished but the expected bins are still missing:" >&2
  printf '  %s\n' "${required_bins[@]}" >&2
  exit 1
fi
