using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// Runs a reminder sweep every <see cref="ReminderOptions.Interval"/> on the injected clock (a PeriodicTimer on the
/// TimeProvider, so tests drive it with a fake clock). A failed sweep is logged and the next tick tries again.
/// </summary>
public sealed partial class ReminderScheduler(
    ReminderSweep sweep,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Sweeps once now, as the timer would; for tests and tools.</summary>
    public Task<ReminderSweepResult> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) => sweep.SweepAsync(now, cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Enabled)
        {
            // Made before start returns, so the first sweep is one interval after start on any clock,
            // whenever the background loop gets its thread.
            _timer = new PeriodicTimer(settings.Interval, time);
            Log.Started(logger, settings.InstanceId!, settings.Interval);
        }
        else
        {
            Log.Disabled(logger);
        }

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
                try
                {
                    await sweep.SweepAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A failed sweep must not stop the host; the next tick tries again.
                    Log.SweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a send that Teams accepted has been recorded already (that write ignores this token).
        }
    }

    private static partial class Log
    {
        [LoggerMessage(6233, LogLevel.Information, "Reminder scheduler {InstanceId} sweeps every {Interval}")]
        public static partial void Started(ILogger logger, string instanceId, TimeSpan interval);

        [LoggerMessage(6234, LogLevel.Information, "Reminder scheduler is disabled (Reminders:Enabled is false)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(6235, LogLevel.Error, "A reminder sweep failed; the next one tries again")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
