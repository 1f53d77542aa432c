using System.Globalization;

namespace BillingBot.Bench;

/// <summary>How long and how wide: BENCH_SECONDS (measured per cell, 5), BENCH_WARMUP (2), BENCH_LEVELS (1,8,32,128).</summary>
public sealed record BenchSettings(IReadOnlyList<int> Levels, TimeSpan WarmUp, TimeSpan Measured, int Conversations)
{
    public static BenchSettings FromEnvironment() => new(
        (Environment.GetEnvironmentVariable("BENCH_LEVELS") ?? "1,8,32,128").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray(),
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "2", CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "5", CultureInfo.InvariantCulture)),
        1000);
}
