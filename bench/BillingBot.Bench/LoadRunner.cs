using System.Diagnostics;
using System.Net.Http.Headers;

namespace BillingBot.Bench;

/// <summary>
/// Closed-loop load at a fixed concurrency: N workers, each sending its next request as soon as the last one is
/// answered, first for a warm-up (not counted), then for the measured time. Latency is from the first byte sent to the
/// whole answer read; CPU time is the server process's own, read from /proc before and after.
/// </summary>
public sealed class LoadRunner(HttpClient http, FakeChannel channel)
{
    // One sequence over the whole run, so no activity id is sent twice (a repeated id would be dropped as a redelivery).
    private long _sequence;

    /// <summary>Makes request number <c>sequence</c> of a worker for one of its conversations.</summary>
    public delegate byte[] RequestBody(int conversation, long sequence);

    /// <summary>Load that is not measured: a server's warm-up before its first cell.</summary>
    public Task WarmUpAsync(Uri url, RequestBody body, string? bearer, int concurrency, int conversations, TimeSpan duration, CancellationToken cancellationToken) =>
        RunPhaseAsync(url, body, bearer, concurrency, conversations, duration, null, Next, cancellationToken);

    private long Next() => Interlocked.Increment(ref _sequence);

    public async Task<LoadResult> RunAsync(
        string target, string turn, Uri url, RequestBody body, string? bearer, int concurrency, int conversations,
        TimeSpan warmUp, TimeSpan measured, ProcessMeter meter, CancellationToken cancellationToken)
    {
        await RunPhaseAsync(url, body, bearer, concurrency, conversations, warmUp, null, Next, cancellationToken).ConfigureAwait(false);

        var postsBefore = channel.Posts;
        var cpuBefore = meter.CpuTime();
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<double>(4096);
        }

        var clock = Stopwatch.StartNew();
        var errors = await RunPhaseAsync(url, body, bearer, concurrency, conversations, measured, latencies, Next, cancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = meter.CpuTime() - cpuBefore;
        var posts = channel.Posts - postsBefore;

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(target, turn, concurrency, all.Length, errors, seconds,
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), cpu.TotalSeconds, posts, meter.PeakResidentBytes());
    }

    private async Task<long> RunPhaseAsync(
        Uri url, RequestBody body, string? bearer, int concurrency, int conversations, TimeSpan duration,
        List<double>[]? latencies, Func<long> next, CancellationToken cancellationToken)
    {
        long errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        // Worker w owns conversations w, w + c, w + 2c, ...: never two turns in flight in one conversation.
        var perWorker = Math.Max(1, conversations / concurrency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var round = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var conversation = worker + (concurrency * (round++ % perWorker));
                var bytes = body(conversation, next());
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    else
                    {
                        latencies?[worker].Add(ms);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return errors;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
