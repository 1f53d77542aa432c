using System.Diagnostics;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// The app's clock for the bench: it starts at the chosen day and runs in real time, so the ledger's claim times and the
/// customers' local day are those of that day while the connector's timeouts and retries still elapse.
/// </summary>
internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_origin);
}
