using System.Globalization;
using Azure.Data.Tables;
using BillingBot.Billing.Touchpoints;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Touchpoints;

/// <summary>
/// Touchpoints in Table Storage: PartitionKey = the tenant, RowKey = "{UTC instant, sortable}|{random}", so a period
/// is one range read of one partition and two touchpoints at the same instant never collide. Rows are only added.
/// </summary>
public sealed class TableTouchpoints(TableStore tables) : ITouchpoints
{
    private const string InstantFormat = "yyyyMMdd'T'HHmmssfffffff";

    private TableClient Table => tables.GetTable(TableStore.TouchpointsTable);

    public Task RecordAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var entity = new TableEntity(TableKeys.Encode(touchpoint.TenantId), Instant(touchpoint.At) + "|" + Guid.NewGuid().ToString("N"))
        {
            ["Kind"] = touchpoint.Kind.ToString(),
            ["Topic"] = touchpoint.Topic,
            ["At"] = touchpoint.At.ToUniversalTime(),
        };
        return StorageErrors.GuardAsync(entity.PartitionKey, async () => await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<Touchpoint>> SinceAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        var from = Instant(since);
        return StorageErrors.GuardAsync(partition, async () =>
        {
            var result = new List<Touchpoint>();
            await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (Enum.TryParse<TouchpointKind>(row.GetString("Kind"), out var kind) && row.GetDateTimeOffset("At") is { } at && row.GetString("Topic") is { Length: > 0 } topic)
                {
                    result.Add(new Touchpoint(tenantId, kind, topic, at));
                }
            }

            return (IReadOnlyList<Touchpoint>)result;
        });
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);
}
