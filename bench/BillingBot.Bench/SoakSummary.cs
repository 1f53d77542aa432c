using System.Globalization;
using System.Text;

namespace BillingBot.Bench;

/// <summary>
/// Whether the soak held: no error, and memory, handles and threads flat after the first minute (the warm-up: JIT,
/// pools and caches filling). Flat means the least-squares slope of resident memory over the rest of the run is below
/// 1 MiB a minute, and handles and threads end within a few of where they were after the warm-up.
/// </summary>
public sealed record SoakSummary(
    double Minutes, int Concurrency, long Turns, long Errors, double MeanThroughput, double RssAfterWarmUpMiB, double RssEndMiB,
    double RssSlopeMiBPerMinute, int FdsAfterWarmUp, int FdsEnd, int FdsMax, int ThreadsAfterWarmUp, int ThreadsEnd, int ThreadsMax, bool Held)
{
    private const double SlopeLimitMiBPerMinute = 1.0;
    private const int HandleSlack = 8;

    public string Verdict => Held
        ? string.Create(CultureInfo.InvariantCulture, $"Soak held: {Turns} turns, 0 errors, RSS slope {RssSlopeMiBPerMinute:0.00} MiB/min, fds {FdsAfterWarmUp}→{FdsEnd}, threads {ThreadsAfterWarmUp}→{ThreadsEnd}.")
        : string.Create(CultureInfo.InvariantCulture, $"Soak did NOT hold: {Errors} errors of {Turns}, RSS slope {RssSlopeMiBPerMinute:0.00} MiB/min, fds {FdsAfterWarmUp}→{FdsEnd} (max {FdsMax}), threads {ThreadsAfterWarmUp}→{ThreadsEnd} (max {ThreadsMax}).");

    public static SoakSummary Of(IReadOnlyList<SoakSample> samples, double minutes, int concurrency)
    {
        var steady = samples.Where(s => s.Seconds > 60).ToList();
        if (steady.Count < 3)
        {
            steady = [.. samples];
        }

        var first = steady[0];
        var last = steady[^1];
        var slope = Slope(steady.Select(s => (s.Seconds / 60, s.ResidentBytes / 1048576.0)).ToList());
        var turns = samples.Sum(s => s.Turns);
        var errors = samples.Sum(s => s.Errors);
        var held = errors == 0 && slope < SlopeLimitMiBPerMinute
            && last.FileDescriptors <= first.FileDescriptors + HandleSlack && last.Threads <= first.Threads + HandleSlack;
        return new SoakSummary(minutes, concurrency, turns, errors, samples.Average(s => s.Throughput), first.ResidentBytes / 1048576.0, last.ResidentBytes / 1048576.0,
            slope, first.FileDescriptors, last.FileDescriptors, samples.Max(s => s.FileDescriptors), first.Threads, last.Threads, samples.Max(s => s.Threads), held);
    }

    public string Markdown(IReadOnlyList<SoakSample> samples)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"Soak: {Minutes:0.#} minutes of mixed turns (30% help, 30% invoice status, 20% balance in Polish, 20% card refresh) at concurrency {Concurrency},");
        md.AppendLine("auth on (every request a signed JWT), state and data in Table Storage (Azurite), 1,000 conversations over 200 tenants.");
        md.AppendLine();
        md.AppendLine("| Figure | Value |");
        md.AppendLine("|---|---|");
        md.AppendLine(inv, $"| Turns | {Turns} ({MeanThroughput:0.0}/s on average) |");
        md.AppendLine(inv, $"| Errors (non-2xx or failed requests) | {Errors} |");
        md.AppendLine(inv, $"| Resident memory after the first minute → end | {RssAfterWarmUpMiB:0.0} → {RssEndMiB:0.0} MiB (slope {RssSlopeMiBPerMinute:0.00} MiB/min; limit {SlopeLimitMiBPerMinute:0.0}) |");
        md.AppendLine(inv, $"| Open file descriptors after the first minute → end (max) | {FdsAfterWarmUp} → {FdsEnd} ({FdsMax}) |");
        md.AppendLine(inv, $"| Threads after the first minute → end (max) | {ThreadsAfterWarmUp} → {ThreadsEnd} ({ThreadsMax}) |");
        md.AppendLine(inv, $"| Verdict | {(Held ? "held" : "**did not hold**")} |");
        md.AppendLine();
        md.AppendLine("| t (s) | turns/s | p50 ms | p99 ms | CPU ms/turn | errors | RSS MiB | fds | threads |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in samples.Where((_, i) => i % 3 == 2 || i == samples.Count - 1))
        {
            md.AppendLine(inv, $"| {s.Seconds:0} | {s.Throughput:0.0} | {s.P50Ms:0.0} | {s.P99Ms:0.0} | {s.CpuMsPerTurn:0.000} | {s.Errors} | {s.ResidentBytes / 1048576.0:0.0} | {s.FileDescriptors} | {s.Threads} |");
        }

        return md.ToString();
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? 0 : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }
}
