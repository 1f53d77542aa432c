using Azure.Data.Tables;
using BillingBot.Storage.Tables;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>Every row of the Billing and InvoicesDue tables with its ETag: what an import may write, to compare before and after.</summary>
internal static class BillingTables
{
    public static async Task<Dictionary<string, string>> SnapshotAsync(TableStore tables)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { TableStore.BillingTable, TableStore.InvoicesDueTable })
        {
            await foreach (var row in tables.GetTable(name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows[$"{name}\n{row.PartitionKey}\n{row.RowKey}"] = row.ETag.ToString();
            }
        }

        return rows;
    }

    /// <summary>The rows added or rewritten between two snapshots, and those removed.</summary>
    public static (List<string> Written, List<string> Removed) Changes(Dictionary<string, string> before, Dictionary<string, string> after) =>
        ([.. after.Where(r => !before.TryGetValue(r.Key, out var etag) || etag != r.Value).Select(r => r.Key)],
         [.. before.Keys.Where(k => !after.ContainsKey(k))]);
}
