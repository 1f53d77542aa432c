#!/usr/bin/env bash
# The benchmarks, in one run: builds Release, measures the turns (our bot, the Bot Framework SDK for JavaScript, the I/O
# floor, the fake channel) and the reminder sweep at scale, and writes bench/RESULTS.md with the raw figures in
# bench/results/. The turns take about 10 minutes on 2 cores, the reminder sweep at full scale about 20. BENCH_SECONDS / BENCH_WARMUP / BENCH_LEVELS shorten or widen the
# turn cells; BENCH_REMINDERS_ARGS replaces the reminder benchmark's arguments (for example "--quick").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=bench/results
mkdir -p "$out"

tools/ensure-tools.sh
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)
dotnet build bench/BillingBot.Bench/BillingBot.Bench.csproj -c Release -v q -nologo
dotnet build bench/BillingBot.Bench.Host/BillingBot.Bench.Host.csproj -c Release -v q -nologo
dotnet build bench/BillingBot.Bench.Floor/BillingBot.Bench.Floor.csproj -c Release -v q -nologo
dotnet build bench/BillingBot.Bench.Reminders/BillingBot.Bench.Reminders.csproj -c Release -v q -nologo

bench() { dotnet "$root/bench/BillingBot.Bench/bin/Release/net10.0/BillingBot.Bench.dll" "$@"; }
bench machine "$out/machine.json"
bench turns "$out/turns.json"
# The issue's scale by default (about 20 minutes, most of it loading Azurite); BENCH_REMINDERS_ARGS="--quick" or a
# smaller --invoices/--customers for a shorter run (the report then also shows the last full-scale figures kept in
# bench/results/full-1m.txt).
# shellcheck disable=SC2086
dotnet "$root/bench/BillingBot.Bench.Reminders/bin/Release/net10.0/BillingBot.Bench.Reminders.dll" \
  ${BENCH_REMINDERS_ARGS:---invoices 1000000 --customers 20000 --send 10000} --out "$out/reminders.json" | tee "$out/reminders.txt"
bench report "$out/turns.json" "$out/reminders.json" "$out/machine.json" bench/NOTES.md bench/RESULTS.md
