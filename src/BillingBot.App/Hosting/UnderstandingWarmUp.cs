using System.Runtime;
using BillingBot.Understanding;

namespace BillingBot.App.Hosting;

/// <summary>Trains the understanding model at start-up, in the background, so the first customer does not wait for it.</summary>
public sealed partial class UnderstandingWarmUp(IntentRecognizer recognizer, ILogger<UnderstandingWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var summary = await recognizer.WarmUpAsync(stoppingToken).ConfigureAwait(false);
            Log.Trained(logger, summary.PolishUtterances, summary.EnglishUtterances, summary.Duration.TotalMilliseconds);

            // Training leaves its corpus and feature vectors behind as garbage, much of it on the large object heap,
            // which the GC neither compacts nor hands back by itself: once, compact everything and return it to the OS.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before training finished.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Information, "Understanding model trained on {Polish} Polish and {English} English utterances in {Milliseconds:0} ms")]
        public static partial void Trained(ILogger logger, int polish, int english, double milliseconds);
    }
}
