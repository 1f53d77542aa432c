using Azure.Data.Tables;
using BillingBot.Billing.Staff;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Staff;

/// <summary>The agents' channel picked in Teams: one row of the Staff table (see <see cref="StaffKeys"/>), read on every use.</summary>
public sealed class TableAgentsChannelPicks(TableStore tables) : IAgentsChannelPicks
{
    private TableClient Table => tables.GetTable(TableStore.StaffTable);

    public async Task<AgentsChannelPick?> CurrentAsync(CancellationToken cancellationToken)
    {
        var response = await StorageErrors.GuardAsync(StaffKeys.AgentsChannelRow, () =>
            Table.GetEntityIfExistsAsync<TableEntity>(StaffKeys.SettingsPartition, StaffKeys.AgentsChannelRow, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } row)
        {
            return null;
        }

        return row.GetString("TenantId") is { Length: > 0 } tenant && row.GetString("ChannelId") is { Length: > 0 } channel
            && row.GetString("ByObjectId") is { Length: > 0 } by && row.GetDateTimeOffset("At") is { } at
            ? new AgentsChannelPick(tenant, channel, by, at)
            : null;
    }

    public Task SaveAsync(AgentsChannelPick pick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var entity = new TableEntity(StaffKeys.SettingsPartition, StaffKeys.AgentsChannelRow)
        {
            ["TenantId"] = pick.TenantId,
            ["ChannelId"] = pick.ChannelId,
            ["ByObjectId"] = pick.ByObjectId,
            ["At"] = pick.At.ToUniversalTime(),
        };
        // The latest pick wins: two admins picking at once is one decision after the other.
        return StorageErrors.GuardAsync(StaffKeys.AgentsChannelRow, async () => await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false));
    }
}
