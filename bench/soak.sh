#!/usr/bin/env bash
# The bounded soak (issue 9): steady mixed load on the bot for SOAK_MINUTES (10) at SOAK_CONCURRENCY (8), on loopback;
# exits non-zero unless the error rate is zero and memory, handles and threads stay flat. Writes bench/results/soak.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-tools.sh
dotnet build bench/BillingBot.Bench/BillingBot.Bench.csproj -c Release -v q -nologo
dotnet build bench/BillingBot.Bench.Host/BillingBot.Bench.Host.csproj -c Release -v q -nologo
dotnet bench/BillingBot.Bench/bin/Release/net10.0/BillingBot.Bench.dll soak "${SOAK_MINUTES:-10}" "${SOAK_CONCURRENCY:-8}" bench/results
