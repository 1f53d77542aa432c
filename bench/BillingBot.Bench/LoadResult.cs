namespace BillingBot.Bench;

/// <summary>One measured cell: a target, a turn, a concurrency level.</summary>
public sealed record LoadResult(
    string Target,
    string Turn,
    int Concurrency,
    long Requests,
    long Errors,
    double Seconds,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double CpuSeconds,
    long ChannelPosts,
    long PeakRssBytes)
{
    public double Throughput => Requests / Seconds;

    /// <summary>CPU time of the server process per request, in milliseconds.</summary>
    public double CpuMsPerTurn => Requests == 0 ? double.NaN : CpuSeconds * 1000 / Requests;
}
