using Azure.Data.Tables;
using BillingBot.Billing.Suspensions;
using BillingBot.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace BillingBot.Storage.Suspensions;

/// <summary>
/// The default access-control port: no system is connected, so each order is recorded (Suspensions table, RowKey
/// "order|{order id}") and logged as a warning for a person to apply in Partner Center. An order asked for again with
/// the same id is the order already recorded. A Partner Center implementation of <see cref="IAccessControl"/> replaces it.
/// </summary>
public sealed partial class RecordingAccessControl(TableStore tables, ILogger<RecordingAccessControl> logger) : IAccessControl
{
    private TableClient Table => tables.GetTable(TableStore.SuspensionsTable);

    public Task<AccessOrder> SuspendAsync(AccessChange change, CancellationToken cancellationToken) =>
        RecordAsync(AccessOrderKind.Suspend, change, cancellationToken);

    public Task<AccessOrder> RestoreAsync(AccessChange change, CancellationToken cancellationToken) =>
        RecordAsync(AccessOrderKind.Restore, change, cancellationToken);

    private async Task<AccessOrder> RecordAsync(AccessOrderKind kind, AccessChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var order = new AccessOrder(change.OrderId, kind, change.TenantId, change.CaseId, change.RequestedBy, change.RequestedAt, AccessOrderStatus.Recorded);
        try
        {
            await StorageErrors.GuardAsync(change.OrderId, () => Table.AddEntityAsync(SuspensionEntities.From(order, change.InvoiceNumbers), cancellationToken)).ConfigureAwait(false);
            Log.Recorded(logger, kind.ToString(), change.OrderId, change.TenantId, change.CaseId);
            return order;
        }
        catch (Protocol.State.ConcurrencyConflictException)
        {
            // Asked again (a retry after a crash): the first record stands.
            var existing = await StorageErrors.GuardAsync(change.OrderId, () =>
                Table.GetEntityAsync<TableEntity>(SuspensionKeys.Partition(change.TenantId), SuspensionKeys.OrderRow(change.OrderId), cancellationToken: cancellationToken)).ConfigureAwait(false);
            return SuspensionEntities.ToOrder(existing.Value);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4201, LogLevel.Warning, "Access order {OrderId} ({Kind}) recorded for tenant {TenantId}, suspension case {CaseId}: no access-control system is connected, so apply it in Partner Center")]
        public static partial void Recorded(ILogger logger, string kind, string orderId, string tenantId, string caseId);
    }
}
