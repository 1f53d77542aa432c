using System.Globalization;

namespace BillingBot.Bench;

/// <summary>
/// How long and how wide: BENCH_SECONDS (measured per cell, 5), BENCH_WARMUP (2, before each cell), BENCH_SERVER_WARMUP
/// (10, each server's turn at concurrency 8 before its first cell, so the JIT's tiering is over and the first level
/// measures the steady state rather than compilation), BENCH_LEVELS (1,8,32,128), and
/// BENCH_TARGETS (all; or a comma-separated subset of ours-dev-memory, ours-dev-tables, ours-auth-tables, peer-memory,
/// peer-blobs, floor, fake-channel).
/// </summary>
public sealed record BenchSettings(IReadOnlyList<int> Levels, TimeSpan WarmUp, TimeSpan Measured, int Conversations, IReadOnlySet<string>? Targets = null, TimeSpan ServerWarmUp = default)
{
    public bool Runs(string target) => Targets is null || Targets.Contains(target);

    public static BenchSettings FromEnvironment() => new(
        (Environment.GetEnvironmentVariable("BENCH_LEVELS") ?? "1,8,32,128").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray(),
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "2", CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "5", CultureInfo.InvariantCulture)),
        1000,
        Environment.GetEnvironmentVariable("BENCH_TARGETS") is { Length: > 0 } targets ? targets.Split(',').ToHashSet(StringComparer.Ordinal) : null,
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SERVER_WARMUP") ?? "10", CultureInfo.InvariantCulture)));
}
