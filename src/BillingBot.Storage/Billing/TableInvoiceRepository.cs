using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Billing;

/// <summary>
/// Invoices in the Billing table (the tenant's partition, RowKey "invoice|{number}"): finding one is a point read and
/// a customer's invoices are one range of one partition. The InvoicesDue table indexes them by due date
/// (PartitionKey = yyyy-MM-dd, RowKey = "{tenant}|{number}") so the reminder scheduler reads only the days it asks for;
/// an index row also carries the invoice's issue date, recorded status and amounts (kept in step by payments too), so
/// the scheduler can tell a changed invoice without reading it.
/// </summary>
/// <remarks>
/// The index is written before the invoice and the old index row removed after it, so an interruption leaves at worst
/// a stale index row, never a missing one; readers ignore index rows whose invoice is now due on another day.
/// </remarks>
public sealed class TableInvoiceRepository(TableStore tables) : IInvoiceRepository
{
    private const int ParallelReads = 8;

    private TableClient Billing => tables.GetTable(TableStore.BillingTable);

    private TableClient Due => tables.GetTable(TableStore.InvoicesDueTable);

    public async Task<Invoice?> FindAsync(string tenantId, string number, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.GuardAsync(number, () =>
            Billing.GetEntityIfExistsAsync<TableEntity>(BillingKeys.Partition(tenantId), BillingKeys.InvoiceRow(number), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? BillingEntities.ToInvoice(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Invoice>> ListForCustomerAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await QueryInvoiceRowsAsync(tenantId, select: null, cancellationToken).ConfigureAwait(false);
        return Newest(rows);
    }

    public async Task<IReadOnlyList<Invoice>> ListOpenForCustomerAsync(string tenantId, CancellationToken cancellationToken)
    {
        // The service filters on the recorded status, so settled history never crosses the wire; the row range is the
        // same one partition's invoices.
        var rows = await QueryInvoiceRowsAsync(tenantId, select: null, cancellationToken, openOnly: true).ConfigureAwait(false);
        return Newest(rows);
    }

    public async Task<IReadOnlyList<Invoice>> ListDueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await QueryDueRowsAsync(from, to, ["PartitionKey", "TenantId", "Number"], cancellationToken).ConfigureAwait(false);
        var invoices = await FindIndexedAsync(rows, Enumerable.Range(0, rows.Count).ToList(), cancellationToken).ConfigureAwait(false);
        return [.. invoices
            .Where(invoice => invoice is not null)
            .Select(invoice => invoice!)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.TenantId, StringComparer.Ordinal)
            .ThenBy(i => i.Number, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<InvoiceDueEntry>> ListDueEntriesBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await QueryDueRowsAsync(from, to, BillingEntities.DueEntryColumns, cancellationToken).ConfigureAwait(false);
        var entries = rows.Select(BillingEntities.ToDueEntry).ToArray();

        // Rows written before the index carried the invoice's state: their invoices are read, as ListDueBetweenAsync does.
        var older = Enumerable.Range(0, rows.Count).Where(i => entries[i] is null).ToList();
        var invoices = await FindIndexedAsync(rows, older, cancellationToken).ConfigureAwait(false);
        foreach (var i in older)
        {
            entries[i] = invoices[i] is { } invoice ? InvoiceDueEntry.Of(invoice) : null;
        }

        return [.. entries
            .Where(entry => entry is not null)
            .Select(entry => entry!)
            .OrderBy(e => e.DueDate)
            .ThenBy(e => e.TenantId, StringComparer.Ordinal)
            .ThenBy(e => e.Number, StringComparer.Ordinal)];
    }

    public Task UpsertAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return UpsertManyAsync([invoice], cancellationToken);
    }

    public async Task UpsertManyAsync(IReadOnlyCollection<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        foreach (var tenant in invoices.GroupBy(i => i.TenantId, StringComparer.Ordinal))
        {
            var latest = tenant.GroupBy(i => i.Number, StringComparer.Ordinal).Select(g => g.Last()).ToList();
            await UpsertTenantAsync(tenant.Key, latest, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string tenantId, string number, CancellationToken cancellationToken)
    {
        var invoice = await FindAsync(tenantId, number, cancellationToken).ConfigureAwait(false);
        if (invoice is null)
        {
            return;
        }

        var partition = BillingKeys.Partition(tenantId);
        var paymentsFrom = BillingKeys.PaymentsOf(number);
        var paymentsTo = BillingKeys.PrefixEnd(paymentsFrom);
        await StorageErrors.GuardAsync(number, async () =>
        {
            var deletes = new List<TableTransactionAction>();
            var payments = Billing.QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(paymentsFrom) >= 0 && e.RowKey.CompareTo(paymentsTo) < 0,
                select: ["PartitionKey", "RowKey"],
                cancellationToken: cancellationToken);
            await foreach (var payment in payments.ConfigureAwait(false))
            {
                deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, payment, ETag.All));
            }

            // The invoice goes last, so an interrupted delete leaves the invoice to delete again rather than orphans.
            var groups = deletes.Select(d => (IReadOnlyList<TableTransactionAction>)[d]).ToList();
            groups.Add([new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, BillingKeys.InvoiceRow(number)), ETag.All)]);
            await TableTransactions.SubmitGroupsAsync(Billing, groups, cancellationToken).ConfigureAwait(false);
            return await Due.DeleteEntityAsync(BillingKeys.DuePartition(invoice.DueDate), BillingKeys.DueRow(tenantId, number), ETag.All, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task UpsertTenantAsync(string tenantId, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        var previousDue = await PreviousDueDatesAsync(tenantId, invoices, cancellationToken).ConfigureAwait(false);
        await StorageErrors.GuardAsync(tenantId, async () =>
        {
            foreach (var day in invoices.GroupBy(i => i.DueDate))
            {
                var entries = day.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, BillingEntities.DueEntry(i))).ToList();
                await TableTransactions.SubmitAsync(Due, entries, cancellationToken).ConfigureAwait(false);
            }

            var rows = invoices.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, BillingEntities.From(i))).ToList();
            await TableTransactions.SubmitAsync(Billing, rows, cancellationToken).ConfigureAwait(false);

            foreach (var invoice in invoices)
            {
                if (previousDue.TryGetValue(invoice.Number, out var before) && before != invoice.DueDate)
                {
                    // Single deletes: in a transaction, one row already gone would fail all the others.
                    await Due.DeleteEntityAsync(BillingKeys.DuePartition(before), BillingKeys.DueRow(tenantId, invoice.Number), ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }

            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>The due dates the invoices have in storage now, by number: a point read for one, a range query for many.</summary>
    private async Task<Dictionary<string, DateOnly>> PreviousDueDatesAsync(string tenantId, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        string[] select = ["Number", "DueDate"];
        IReadOnlyList<TableEntity> rows;
        if (invoices.Count == 1)
        {
            var response = await StorageErrors.GuardAsync(tenantId, () =>
                Billing.GetEntityIfExistsAsync<TableEntity>(BillingKeys.Partition(tenantId), BillingKeys.InvoiceRow(invoices[0].Number), select, cancellationToken)).ConfigureAwait(false);
            rows = response.HasValue ? [response.Value!] : [];
        }
        else
        {
            rows = await QueryInvoiceRowsAsync(tenantId, select, cancellationToken).ConfigureAwait(false);
        }

        return rows.ToDictionary(r => r.GetString("Number"), r => BillingKeys.ParseDate(r.GetString("DueDate")), StringComparer.Ordinal);
    }

    private Task<List<TableEntity>> QueryDueRowsAsync(DateOnly from, DateOnly to, IEnumerable<string> select, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var first = BillingKeys.DuePartition(from);
        var last = BillingKeys.DuePartition(to);
        return StorageErrors.GuardAsync("due", async () =>
        {
            var rows = new List<TableEntity>();
            var query = Due.QueryAsync<TableEntity>(
                e => e.PartitionKey.CompareTo(first) >= 0 && e.PartitionKey.CompareTo(last) <= 0,
                select: select,
                cancellationToken: cancellationToken);
            await foreach (var row in query.ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        });
    }

    /// <summary>
    /// The invoices of the index rows at <paramref name="which"/> (by point reads, a few at once); null where the invoice
    /// is gone or is now due on another day (a stale index row).
    /// </summary>
    private async Task<Invoice?[]> FindIndexedAsync(List<TableEntity> rows, List<int> which, CancellationToken cancellationToken)
    {
        var invoices = new Invoice?[rows.Count];
        await Parallel.ForEachAsync(
            which,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var invoice = await FindAsync(rows[i].GetString("TenantId"), rows[i].GetString("Number"), token).ConfigureAwait(false);
                invoices[i] = invoice is not null && invoice.DueDate == BillingKeys.ParseDate(rows[i].PartitionKey) ? invoice : null;
            }).ConfigureAwait(false);
        return invoices;
    }

    private static IReadOnlyList<Invoice> Newest(List<TableEntity> rows) =>
        [.. rows.Select(BillingEntities.ToInvoice).OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number, StringComparer.Ordinal)];

    private Task<List<TableEntity>> QueryInvoiceRowsAsync(string tenantId, IEnumerable<string>? select, CancellationToken cancellationToken, bool openOnly = false)
    {
        var partition = BillingKeys.Partition(tenantId);
        const string from = BillingKeys.InvoicePrefix;
        var to = BillingKeys.PrefixEnd(from);
        var paid = nameof(InvoiceStatus.Paid);
        var cancelled = nameof(InvoiceStatus.Cancelled);
        var filter = openOnly
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to} and Status ne {paid} and Status ne {cancelled}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        return StorageErrors.GuardAsync(tenantId, async () =>
        {
            var rows = new List<TableEntity>();
            var query = Billing.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken);
            await foreach (var row in query.ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        });
    }
}
