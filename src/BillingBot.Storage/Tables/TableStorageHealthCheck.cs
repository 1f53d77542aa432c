using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BillingBot.Storage.Tables;

/// <summary>Healthy when the app's tables exist and answer a point read.</summary>
public sealed class TableStorageHealthCheck(TableStore tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Creating is idempotent and cheap once done, and heals a start-up that found storage down.
            await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
            await tables.GetTable(TableStore.BotStateTable).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Table storage answers.");
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            return HealthCheckResult.Unhealthy("Table storage does not answer.", ex);
        }
    }
}
