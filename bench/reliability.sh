#!/usr/bin/env bash
# The reliability report (issue 9), from one run: the fuzz, fault-injection and security suites (the same tests CI runs
# in `dotnet test BillingBot.sln`), the inputs the fuzzers tried, and the 10-minute soak; writes
# bench/RESULTS-reliability.md with the raw results in bench/results/reliability/. About 15 minutes on 2 cores.
# SOAK_MINUTES shortens the soak (the report says how long it ran).
set -uo pipefail
cd "$(dirname "$0")/.."
results=bench/results/reliability
rm -rf "$results"
mkdir -p "$results"

tools/ensure-tools.sh || exit 1
dotnet build BillingBot.sln -v q -nologo || exit 1
dotnet build BillingBot.sln -c Release -v q -nologo || exit 1
bench() { dotnet bench/BillingBot.Bench/bin/Release/net10.0/BillingBot.Bench.dll "$@"; }
bench machine "$results/machine.json"

# Each test project writes its own fuzz tally next to its assembly; a fresh tally per run.
find tests -path '*/bin/*' -name 'fuzz-tally.tsv' -delete
dotnet test BillingBot.sln --no-build \
  --filter "FullyQualifiedName~.Fuzz.|FullyQualifiedName~.Faults.|FullyQualifiedName~.Security." \
  --logger "trx" --results-directory "$results"
suites=$?
i=0
for tally in $(find tests -path '*/bin/*' -name 'fuzz-tally.tsv'); do
  cp "$tally" "$results/fuzz-tally-$i.tsv"
  i=$((i + 1))
done

dotnet bench/BillingBot.Bench/bin/Release/net10.0/BillingBot.Bench.dll soak "${SOAK_MINUTES:-10}" "${SOAK_CONCURRENCY:-8}" "$results"
soak=$?
bench reliability-report "$results" "$results/machine.json" bench/RESULTS-reliability.md
[[ $suites -eq 0 && $soak -eq 0 ]]
