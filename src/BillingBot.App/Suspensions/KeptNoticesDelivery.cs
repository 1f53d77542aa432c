using Microsoft.Extensions.Options;

namespace BillingBot.App.Suspensions;

/// <summary>Tries the kept notices for the billing team again every Agents:RetryInterval, so they reach the channel once it is there.</summary>
public sealed partial class KeptNoticesDelivery(
    AgentsChannelNotifier notifier,
    TimeProvider time,
    IOptions<AgentsChannelOptions> options,
    ILogger<KeptNoticesDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetryInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await notifier.DeliverKeptAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Storage or the channel is down; the notices stay kept for the next round.
                    Log.RoundFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7023, LogLevel.Warning, "Kept notices for the billing team could not be delivered this round; they stay kept")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
