using Azure;
using Azure.Data.Tables;
using BillingBot.Storage.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Activities;

/// <summary>
/// Deletes activity claims older than the retention, periodically. The table only ever holds about one retention's
/// worth of claims, so the scan by timestamp stays small. Several instances may purge at once; deletes are idempotent.
/// </summary>
public sealed partial class ActivityClaimPurger(
    TableStore tables,
    IOptions<ActivityClaimOptions> options,
    TimeProvider time,
    ILogger<ActivityClaimPurger> logger) : BackgroundService
{
    /// <summary>Deletes the claims older than the retention; returns how many were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var table = tables.GetTable(TableStore.ActivityClaimsTable);
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var deleted = 0;
        await foreach (var claim in table.QueryAsync<TableEntity>(e => e.Timestamp < cutoff, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                Log.Purged(logger, await PurgeAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
            {
                // Storage is down; the next tick tries again and nothing is lost meanwhile.
                Log.PurgeFailed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4101, LogLevel.Information, "Deleted {Count} old activity claims")]
        public static partial void Purged(ILogger logger, int count);

        [LoggerMessage(4102, LogLevel.Warning, "Old activity claims could not be deleted; storage is unreachable")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
