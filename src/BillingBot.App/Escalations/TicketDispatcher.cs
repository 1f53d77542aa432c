using Microsoft.Extensions.Options;

namespace BillingBot.App.Escalations;

/// <summary>
/// Posts the tickets the agents have not got yet, every Escalations:DispatchInterval on the injected clock (a
/// PeriodicTimer on the TimeProvider, so tests drive it with a fake clock): those opened outside support hours, once the
/// desk opens, and those the agents' channel could not take. A round outside hours reads nothing. Several instances may
/// run it at once: the posting claim on each ticket decides which one posts it.
/// </summary>
public sealed partial class TicketDispatcher(
    TicketDesk desk,
    TicketDispatchHooks hooks,
    TimeProvider time,
    IOptions<TicketOptions> options,
    ILogger<TicketDispatcher> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>One round now, as the timer would run it; returns how many tickets this instance posted.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => desk.DispatchWaitingAsync(cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made before start returns, so the first round is one interval after start on any clock.
        _timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var posted = 0;
                try
                {
                    posted = await desk.DispatchWaitingAsync(stoppingToken).ConfigureAwait(false);
                    if (posted > 0)
                    {
                        Log.Posted(logger, posted);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Storage is down: the tickets stay waiting for the next round.
                    Log.RoundFailed(logger, ex);
                }

                await hooks.RoundCompletedAsync(posted, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7320, LogLevel.Information, "{Count} waiting ticket(s) posted to the agents' channel")]
        public static partial void Posted(ILogger logger, int count);

        [LoggerMessage(7321, LogLevel.Error, "A round of the ticket dispatcher failed; the next one tries again")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
