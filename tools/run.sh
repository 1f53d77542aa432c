#!/usr/bin/env bash
# Runs BillingBot locally end to end: Azurite (Table storage) -> seed -> bot
# -> Microsoft 365 Agents Playground. Ctrl+C stops everything.
#
#   tools/run.sh            (from any directory)
#
# Ports can be moved with AZURITE_TABLE_PORT (10002), BOT_PORT (3978) and
# PLAYGROUND_PORT (56150). Table data persists in <repo>/.data/azurite
# (git-ignored); delete that folder for a clean slate.
#
# Everything binds to 127.0.0.1 only: the bot runs without an app id locally,
# so nothing here should be reachable from the network.
set -euo pipefail

repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo/tools"
data_dir="$repo/.data"
app_project="$repo/src/BillingBot.App"
# Work from the repo root whatever the caller's cwd: the Playground reads an
# optional .m365agentsplayground.yml from its cwd, so that file has one home.
cd -- "$repo"

azurite_port="${AZURITE_TABLE_PORT:-10002}"
bot_port="${BOT_PORT:-3978}"
playground_port="${PLAYGROUND_PORT:-56150}"

log() { printf '[run] %s\n' "$*" >&2; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

# --- teardown ---------------------------------------------------------------
# Each service is started in its own process group (see start_service) so we
# can signal the whole tree: `dotnet run` starts the app as a child process and
# killing only the `dotnet` host would leave the app holding the port.
service_pids=()
service_names=()

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM  # run once, even if a second Ctrl+C arrives
  if ((${#service_pids[@]} > 0)); then
    log "stopping ${service_names[*]}..."
    local pid i alive
    for pid in "${service_pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
    # Give graceful shutdown (ASP.NET Core flushes logs, Azurite writes its
    # JSON store) a bounded chance before forcing it.
    for ((i = 0; i < 50; i++)); do
      alive=0
      for pid in "${service_pids[@]}"; do
        kill -0 -- "-$pid" 2>/dev/null && alive=1
      done
      ((alive)) || break
      sleep 0.2
    done
    for pid in "${service_pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
    for pid in "${service_pids[@]}"; do wait "$pid" 2>/dev/null; done
  fi
  exit "$rc"
}
trap cleanup EXIT
# Convert signals into a normal exit so the EXIT trap does the cleanup once.
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts "$@" in the background in a new process group whose id is its pid.
# `set -m` only around the launch: with job control on for the whole script,
# foreground commands would get their own process groups and Ctrl+C would no
# longer reach this script.
start_service() {
  local name=$1; shift
  set -m
  "$@" &
  local pid=$!
  set +m
  service_pids+=("$pid")
  service_names+=("$name")
  last_pid=$pid
}

# --- readiness helpers --------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_answers() { curl -s -o /dev/null --max-time 2 "$1"; }        # any status
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; } # 2xx only

# wait_until <description> <timeout seconds> <pid> <command...>
# Polls instead of sleeping a fixed time, and gives up early if the service
# died, so failures surface in seconds with the service's own output above.
wait_until() {
  local desc=$1 timeout=$2 pid=$3
  shift 3
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || die "$desc exited before it was ready (see its output above)."
    ((SECONDS < deadline)) || die "$desc was not ready after ${timeout}s."
    sleep 0.25
  done
}

# A port already in use would make us talk to some other process (Azurite) or,
# for the Playground, silently move to a random port; fail loudly instead.
require_free_port() {
  port_open "$1" && die "port $1 is already in use; stop whatever holds it or set $2."
  return 0
}

# --- prerequisites ------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found on PATH (.NET 10 SDK required)."
command -v curl >/dev/null 2>&1 || die "'curl' not found on PATH."
"$tools/ensure-tools.sh"

require_free_port "$azurite_port" AZURITE_TABLE_PORT
require_free_port "$bot_port" BOT_PORT
require_free_port "$playground_port" PLAYGROUND_PORT

# --- Azurite ------------------------------------------------------------------
mkdir -p "$data_dir/azurite" "$data_dir/playground"
log "starting Azurite table service on 127.0.0.1:$azurite_port (data: .data/azurite)"
start_service azurite "$tools/node_modules/.bin/azurite-table" \
  --tableHost 127.0.0.1 --tablePort "$azurite_port" \
  --location "$data_dir/azurite" --disableTelemetry --silent
wait_until "Azurite" 30 "$last_pid" port_open "$azurite_port"

# Well-known Azurite development account key (public, documented by
# Microsoft); it only ever unlocks the local emulator.
export ConnectionStrings__Storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
export ASPNETCORE_ENVIRONMENT=Development
# Empty app id = the bot accepts unauthenticated local traffic (the Playground
# sends no Authorization header).
export MicrosoftAppId=
# The Playground has one user, Alex Wilber: the demo customer's primary contact in
# the personal chat, and the partner's staff (every role) in the team channel.
# Type "use this channel" in the Playground's General channel to make it the
# agents' channel; the pick is stored, so it survives restarts with .data kept.
export Staff__Members__0__ObjectId=00000000-0000-0000-0000-0000000000020
export Staff__Members__0__Name="Alex Wilber"
export Staff__Members__0__Roles__0=SupportAgent
export Staff__Members__0__Roles__1=BillingAdmin
export Staff__Members__0__Roles__2=SalesAgent
export Staff__Members__0__Roles__3=UserManagementAdmin

# --- build + seed -------------------------------------------------------------
# Build once so the two `dotnet run --no-build` calls below do not each pay for
# (or race on) a build.
log "building BillingBot.App (Debug)..."
# Captured and shown only on failure: even at -v quiet, dotnet prints a summary
# that would push the useful lines off screen.
if ! build_output="$(dotnet build "$app_project" -c Debug --nologo -v quiet 2>&1)"; then
  printf '%s\n' "$build_output" >&2
  die "build failed."
fi

log "seeding storage..."
dotnet run --no-build --no-launch-profile -c Debug --project "$app_project" -- seed \
  || die "seed failed (exit code $?); not starting the bot."

# --- bot ------------------------------------------------------------------------
log "starting the bot on http://127.0.0.1:$bot_port"
start_service bot dotnet run --no-build --no-launch-profile -c Debug --project "$app_project" \
  -- --urls "http://127.0.0.1:$bot_port"
wait_until "The bot" 60 "$last_pid" http_ok "http://127.0.0.1:$bot_port/healthz"

# --- Agents Playground --------------------------------------------------------
# Resolve the entry point from the package's own "bin" so a version bump that
# moves the file does not silently break this script.
playground_pkg="$tools/node_modules/@microsoft/m365agentsplayground"
playground_js="$(node -e '
  const path = require("node:path");
  const dir = process.argv[1];
  const bin = require(path.join(dir, "package.json")).bin;
  process.stdout.write(path.resolve(dir, typeof bin === "string" ? bin : bin.agentsplayground));
' "$playground_pkg")"

log "starting the Agents Playground on http://127.0.0.1:$playground_port"
# bind-loopback.cjs: the Playground otherwise listens on all interfaces.
# --service-url: its default says "localhost", which may resolve to ::1 first
#   while we only listen on IPv4.
# Log/recording files: by default it writes ./devTools/ into the current
#   directory; keep them in the git-ignored .data/ instead.
# `env` (not a subshell) so the service stays our direct child and `wait`able.
start_service playground env \
  TEAMSAPPTESTER_BROWSER=none \
  M365_AGENTS_PLAYGROUND_LOGFILE="${M365_AGENTS_PLAYGROUND_LOGFILE:-$data_dir/playground/m365agentsplayground.log}" \
  M365_AGENTS_PLAYGROUND_RECORDING_FILE="${M365_AGENTS_PLAYGROUND_RECORDING_FILE:-$data_dir/playground/events_recording.log}" \
  node -r "$tools/bind-loopback.cjs" "$playground_js" \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" \
  --service-url "http://127.0.0.1:$playground_port/_connector" --disable-telemetry
wait_until "The Agents Playground" 30 "$last_pid" http_answers "http://127.0.0.1:$playground_port/"

cat >&2 <<EOF

  BillingBot is running (everything on 127.0.0.1 only).

    Open the Agents Playground:  http://127.0.0.1:$playground_port
    Bot endpoint:                http://127.0.0.1:$bot_port/api/messages
    Azurite table endpoint:      http://127.0.0.1:$azurite_port/devstoreaccount1  (data in .data/azurite)

  Press Ctrl+C to stop everything.

EOF

# Stay in the foreground until Ctrl+C or until any service dies; one dying
# means the setup is broken, so stop the rest rather than limp on.
if ((BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 3))); then
  rc=0
  wait -n || rc=$?
  die "a service exited unexpectedly (exit code $rc); stopping the others."
else
  # bash < 4.3 (macOS's /bin/bash 3.2) has no `wait -n`.
  wait
fi
