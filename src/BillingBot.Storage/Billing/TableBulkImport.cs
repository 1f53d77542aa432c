using Azure.Data.Tables;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.State;
using BillingBot.Storage.References;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Billing;

/// <summary>
/// Loads customers, their invoices (with the InvoicesDue index rows), their people's conversation references and reminder
/// ledger rows into
/// tables that do not hold them yet, much faster than the repositories' one-tenant-at-a-time writes: rows are grouped by
/// partition across tenants (an index partition is a due date shared by many tenants) and written in entity group
/// transactions of up to 100, several partitions at once. The rows are made by the same mappings as the repositories'
/// writes, so the repositories read them as their own.
/// </summary>
/// <remarks>
/// For a first load only (a benchmark, a migration into empty tables): it upserts and reads nothing, so it neither
/// removes the index row of an invoice whose due date changed nor keeps payments in step. Updates go through the
/// repositories.
/// </remarks>
public sealed class TableBulkImport(TableStore tables)
{
    /// <summary>Writes the rows; returns how many entities were written.</summary>
    /// <param name="parallelism">Partitions written at once (at least 1).</param>
    public async Task<int> ImportAsync(
        IReadOnlyCollection<Customer> customers,
        IReadOnlyCollection<Invoice> invoices,
        IReadOnlyCollection<StoredConversationReference> references,
        DateTimeOffset updatedAt,
        int parallelism,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);

        var work = new List<(TableClient Table, IReadOnlyList<TableEntity> Rows)>();
        Partitions(work, TableStore.BillingTable, customers.Select(BillingEntities.From).Concat(invoices.Select(BillingEntities.From)));
        Partitions(work, TableStore.InvoicesDueTable, invoices.Select(BillingEntities.DueEntry));
        Partitions(work, TableStore.ConversationReferencesTable, references.Select(r => TableConversationReferenceStore.ToEntity(r, updatedAt)));
        // No order between tables is needed: a reader ignores index rows whose invoice is not (yet) there.
        return await WriteAsync(work, parallelism, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes reminder ledger rows as the ledger stores them (a history of reminders already sent, say); returns how many.
    /// </summary>
    public Task<int> ImportLedgerAsync(IReadOnlyCollection<ReminderLedgerEntry> entries, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var work = new List<(TableClient Table, IReadOnlyList<TableEntity> Rows)>();
        Partitions(work, TableStore.ReminderLedgerTable, entries.Select(ReminderLedgerEntities.From));
        return WriteAsync(work, parallelism, cancellationToken);
    }

    private void Partitions(List<(TableClient Table, IReadOnlyList<TableEntity> Rows)> work, string table, IEnumerable<TableEntity> rows)
    {
        var client = tables.GetTable(table);
        // The last row of an entity wins, as with single upserts; a transaction may touch an entity only once.
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            work.Add((client, [.. partition.GroupBy(r => r.RowKey, StringComparer.Ordinal).Select(g => g.Last())]));
        }
    }

    private static async Task<int> WriteAsync(List<(TableClient Table, IReadOnlyList<TableEntity> Rows)> work, int parallelism, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (partition, token) => await StorageErrors.GuardAsync(partition.Rows[0].PartitionKey, async () =>
            {
                await TableTransactions.SubmitAsync(
                    partition.Table,
                    [.. partition.Rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))],
                    token).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false)).ConfigureAwait(false);
        return work.Sum(w => w.Rows.Count);
    }
}
