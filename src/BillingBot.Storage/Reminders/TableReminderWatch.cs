using Azure;
using Azure.Data.Tables;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Reminders;

/// <summary>
/// The ReminderWatch table (PartitionKey "watch", RowKey = tenant): tenants the sweep must visit although none of
/// their invoices falls due in its windows: a snooze or promise that ends later, a payment claim waiting for a billing
/// admin, a suspension waiting for payment. It stays small (only tenants that did something recently), so the sweep
/// reads it whole, in one query.
/// </summary>
public sealed class TableReminderWatch(TableStore tables)
{
    // Two writers racing can each lose once; a third round always settles.
    private const int Attempts = 3;

    private TableClient Table => tables.GetTable(TableStore.ReminderWatchTable);

    /// <summary>Watches a tenant until a day; a watch that already lasts longer is kept.</summary>
    public async Task WatchAsync(string tenantId, DateOnly until, string reason, CancellationToken cancellationToken)
    {
        var row = ReminderKeys.WatchRow(tenantId);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await StorageErrors.GuardAsync(tenantId, () =>
                Table.GetEntityIfExistsAsync<TableEntity>(ReminderKeys.WatchPartition, row, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (existing.HasValue && ReminderKeys.ParseDate(existing.Value!.GetString("Until")) >= until)
            {
                return;
            }

            var entity = new TableEntity(ReminderKeys.WatchPartition, row)
            {
                ["TenantId"] = tenantId,
                ["Until"] = ReminderKeys.Date(until),
                ["Reason"] = reason,
            };
            try
            {
                await StorageErrors.GuardAsync(tenantId, () => existing.HasValue
                    ? Table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : Table.AddEntityAsync(entity, cancellationToken)).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Someone else watched it meanwhile: read again and keep the later day.
            }
        }
    }

    /// <summary>Every watched tenant, expired or not.</summary>
    public Task<IReadOnlyList<WatchedTenant>> ListAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("watch", async () =>
        {
            var result = new List<WatchedTenant>();
            var query = Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ReminderKeys.WatchPartition}"), cancellationToken: cancellationToken);
            await foreach (var entity in query.ConfigureAwait(false))
            {
                result.Add(new WatchedTenant(entity.GetString("TenantId"), ReminderKeys.ParseDate(entity.GetString("Until")), entity.GetString("Reason") ?? string.Empty, entity.ETag.ToString()));
            }

            return (IReadOnlyList<WatchedTenant>)result;
        });

    /// <summary>Removes an expired watch, unless it was extended since it was read.</summary>
    public async Task ForgetAsync(WatchedTenant watched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watched);
        try
        {
            await StorageErrors.GuardAsync(watched.TenantId, () =>
                Table.DeleteEntityAsync(ReminderKeys.WatchPartition, ReminderKeys.WatchRow(watched.TenantId), new ETag(watched.ETag), cancellationToken)).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Extended (or removed) by someone else meanwhile: theirs stands.
        }
    }
}
