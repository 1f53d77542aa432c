using Azure.Data.Tables;

namespace BillingBot.Storage.Tables;

/// <summary>
/// Submits writes as entity group transactions within Azure's rules: one partition per transaction, at most 100
/// actions, each entity at most once, and a payload well under 4 MiB. Azurite accepts transactions that break these
/// rules, so they are enforced here rather than discovered in production.
/// </summary>
internal static class TableTransactions
{
    public const int MaxActions = 100;

    // Azure's limit is 4 MiB; our estimate is rough, so keep a wide margin.
    private const int MaxPayloadBytes = 2 * 1024 * 1024;

    /// <summary>Submits the actions of one partition, in as few transactions as the rules allow.</summary>
    public static Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        SubmitGroupsAsync(table, actions.Select(a => (IReadOnlyList<TableTransactionAction>)[a]).ToList(), cancellationToken);

    /// <summary>
    /// Submits groups of actions of one partition. A group (a payment and its invoice, say) is never split across
    /// transactions unless it alone breaks a limit, so it is applied all or nothing.
    /// </summary>
    public static async Task SubmitGroupsAsync(TableClient table, IReadOnlyList<IReadOnlyList<TableTransactionAction>> groups, CancellationToken cancellationToken)
    {
        foreach (var transaction in Pack(groups))
        {
            await table.SubmitTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Packs groups into transactions that Azure accepts; throws when the actions span partitions or repeat an entity.</summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Pack(IReadOnlyList<IReadOnlyList<TableTransactionAction>> groups)
    {
        var partitions = groups.SelectMany(g => g).Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Take(2).Count();
        if (partitions > 1)
        {
            throw new ArgumentException("A table transaction must stay within one partition.", nameof(groups));
        }

        var repeated = groups.SelectMany(g => g).GroupBy(a => a.Entity.RowKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"The entity '{repeated.Key}' appears more than once; a transaction may touch an entity only once.", nameof(groups));
        }

        var transactions = new List<IReadOnlyList<TableTransactionAction>>();
        var current = new List<TableTransactionAction>();
        var currentBytes = 0;
        foreach (var (unit, bytes) in groups.SelectMany(Units))
        {
            if (current.Count > 0 && (current.Count + unit.Count > MaxActions || currentBytes + bytes > MaxPayloadBytes))
            {
                transactions.Add(current);
                current = [];
                currentBytes = 0;
            }

            current.AddRange(unit);
            currentBytes += bytes;
        }

        if (current.Count > 0)
        {
            transactions.Add(current);
        }

        return transactions;
    }

    // A group that fits one transaction stays whole; a larger one is applied in order, action by action.
    private static IEnumerable<(IReadOnlyList<TableTransactionAction> Unit, int Bytes)> Units(IReadOnlyList<TableTransactionAction> group)
    {
        var sizes = group.Select(a => EstimateBytes(a.Entity)).ToList();
        if (group.Count <= MaxActions && sizes.Sum() <= MaxPayloadBytes)
        {
            return [(group, sizes.Sum())];
        }

        return group.Select((action, i) => ((IReadOnlyList<TableTransactionAction>)[action], sizes[i]));
    }

    private static int EstimateBytes(ITableEntity entity)
    {
        var bytes = 256 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += (name.Length * 2) + value switch
                {
                    string text => text.Length * 2,
                    byte[] binary => binary.Length * 4 / 3,
                    _ => 32,
                };
            }
        }

        return bytes;
    }
}
