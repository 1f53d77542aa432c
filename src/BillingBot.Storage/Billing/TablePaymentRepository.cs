using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Billing;

/// <summary>
/// Payments in the Billing table (the tenant's partition, RowKey "payment|{invoice number}|{payment id}"), next to
/// their invoice. Recording payments writes them and their invoice's new AmountPaid and status in one transaction,
/// conditional on the invoice's ETag, so an invoice never disagrees with its payments; on a concurrent change the
/// tenant's payments are re-read and applied again. The invoice's row in the due-date index is then rewritten with its new
/// amounts and status.
/// </summary>
public sealed class TablePaymentRepository(TableStore tables) : IPaymentRepository
{
    // Each round of a race lets at least one writer through, so this covers that many simultaneous writers.
    private const int Attempts = 8;

    // Up to this many invoices are read one by one; more, and one query of the tenant's partition is cheaper.
    private const int PointReadLimit = 4;

    private TableClient Billing => tables.GetTable(TableStore.BillingTable);

    private TableClient Due => tables.GetTable(TableStore.InvoicesDueTable);

    public async Task<IReadOnlyList<Payment>> ListForInvoiceAsync(string tenantId, string invoiceNumber, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(tenantId, BillingKeys.PaymentsOf(invoiceNumber), cancellationToken).ConfigureAwait(false);
        return Newest(rows.Select(BillingEntities.ToPayment));
    }

    public async Task<IReadOnlyList<Payment>> ListForCustomerAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(tenantId, BillingKeys.PaymentPrefix, cancellationToken).ConfigureAwait(false);
        return Newest(rows.Select(BillingEntities.ToPayment));
    }

    public Task UpsertAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return UpsertManyAsync([payment], cancellationToken);
    }

    public async Task UpsertManyAsync(IReadOnlyCollection<Payment> payments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payments);
        foreach (var tenant in payments.GroupBy(p => p.TenantId, StringComparer.Ordinal))
        {
            var latest = tenant.GroupBy(p => (p.InvoiceNumber, p.PaymentId)).Select(g => g.Last()).ToList();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RecordAsync(tenant.Key, latest, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < Attempts)
                {
                    // Someone changed one of the invoices meanwhile: read again and re-apply; payments are upserts.
                }
            }
        }
    }

    private async Task RecordAsync(string tenantId, IReadOnlyList<Payment> payments, CancellationToken cancellationToken)
    {
        var numbers = payments.Select(p => p.InvoiceNumber).Distinct(StringComparer.Ordinal).ToList();
        var (invoices, recorded) = await ReadInvoicesAsync(tenantId, numbers, cancellationToken).ConfigureAwait(false);

        var incomingByInvoice = payments.ToLookup(p => p.InvoiceNumber, StringComparer.Ordinal);
        var recordedByInvoice = recorded.ToLookup(p => p.InvoiceNumber, StringComparer.Ordinal);
        var groups = new List<IReadOnlyList<TableTransactionAction>>();
        var updatedInvoices = new List<Invoice>();
        foreach (var number in numbers)
        {
            if (!invoices.TryGetValue(number, out var row))
            {
                throw new InvoiceNotFoundException(tenantId, number);
            }

            var incoming = incomingByInvoice[number].ToList();
            var replaced = incoming.Select(p => p.PaymentId).ToHashSet(StringComparer.Ordinal);
            var all = recordedByInvoice[number].Where(p => !replaced.Contains(p.PaymentId)).Concat(incoming);
            var invoice = BillingEntities.ToInvoice(row).ApplyPayments(all);
            updatedInvoices.Add(invoice);
            var updated = BillingEntities.From(invoice);

            var group = incoming.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, BillingEntities.From(p))).ToList();
            group.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, row.ETag));
            groups.Add(group);
        }

        await StorageErrors.GuardAsync(tenantId, async () =>
        {
            await TableTransactions.SubmitGroupsAsync(Billing, groups, cancellationToken).ConfigureAwait(false);

            // The due-date index carries the invoice's amounts and status: the reminder scheduler sees the payment there. If
            // this fails the payment stands and the caller's retry (payments are upserts) writes it; until then the index lags.
            foreach (var invoice in updatedInvoices)
            {
                await Due.UpsertEntityAsync(BillingEntities.DueEntry(invoice), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>The invoices (with their ETags) and the payments already recorded for them.</summary>
    private async Task<(Dictionary<string, TableEntity> Invoices, List<Payment> Recorded)> ReadInvoicesAsync(
        string tenantId, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var invoices = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var recorded = new List<Payment>();
        if (numbers.Count <= PointReadLimit)
        {
            foreach (var number in numbers)
            {
                var response = await StorageErrors.GuardAsync(number, () =>
                    Billing.GetEntityIfExistsAsync<TableEntity>(BillingKeys.Partition(tenantId), BillingKeys.InvoiceRow(number), cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (response.HasValue)
                {
                    invoices[number] = response.Value!;
                    recorded.AddRange((await QueryAsync(tenantId, BillingKeys.PaymentsOf(number), cancellationToken).ConfigureAwait(false)).Select(BillingEntities.ToPayment));
                }
            }

            return (invoices, recorded);
        }

        // "invoice|" sorts before "payment|", so one range holds both.
        var partition = BillingKeys.Partition(tenantId);
        const string from = BillingKeys.InvoicePrefix;
        var to = BillingKeys.PrefixEnd(BillingKeys.PaymentPrefix);
        var wanted = numbers.ToHashSet(StringComparer.Ordinal);
        await StorageErrors.GuardAsync(tenantId, async () =>
        {
            var query = Billing.QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
                cancellationToken: cancellationToken);
            await foreach (var row in query.ConfigureAwait(false))
            {
                if (row.RowKey.StartsWith(BillingKeys.InvoicePrefix, StringComparison.Ordinal) && wanted.Contains(row.GetString("Number")))
                {
                    invoices[row.GetString("Number")] = row;
                }
                else if (row.RowKey.StartsWith(BillingKeys.PaymentPrefix, StringComparison.Ordinal) && wanted.Contains(row.GetString("InvoiceNumber")))
                {
                    recorded.Add(BillingEntities.ToPayment(row));
                }
            }

            return true;
        }).ConfigureAwait(false);
        return (invoices, recorded);
    }

    private Task<List<TableEntity>> QueryAsync(string tenantId, string prefix, CancellationToken cancellationToken)
    {
        var partition = BillingKeys.Partition(tenantId);
        var to = BillingKeys.PrefixEnd(prefix);
        return StorageErrors.GuardAsync(tenantId, async () =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in Billing.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        });
    }

    private static List<Payment> Newest(IEnumerable<Payment> payments) =>
        [.. payments.OrderByDescending(p => p.ReceivedAt).ThenBy(p => p.PaymentId, StringComparer.Ordinal)];
}
