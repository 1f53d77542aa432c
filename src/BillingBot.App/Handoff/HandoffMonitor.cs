using Microsoft.Extensions.Options;

namespace BillingBot.App.Handoff;

/// <summary>
/// Checks the open hand-offs every <see cref="HandoffOptions.CheckInterval"/> and sends those nobody took in time to
/// all support agents. Every app instance runs it; the stored request's ETag lets only one of them escalate each.
/// </summary>
public sealed partial class HandoffMonitor(HandoffDesk desk, TimeProvider time, IOptions<HandoffOptions> options, ILogger<HandoffMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await desk.EscalateOverdueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage or Teams is down: the next tick tries again; nothing is lost, the requests stay stored.
                Log.CheckFailed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7230, LogLevel.Warning, "Checking open hand-offs failed; the next check tries again")]
        public static partial void CheckFailed(ILogger logger, Exception exception);
    }
}
