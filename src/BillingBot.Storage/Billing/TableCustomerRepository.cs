using Azure.Data.Tables;
using BillingBot.Billing.Customers;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Billing;

/// <summary>
/// Customers in the Billing table: the row "customer" of the tenant's partition, so finding the customer of a turn is
/// a point read and the customer sits next to its invoices and payments.
/// </summary>
public sealed class TableCustomerRepository(TableStore tables) : ICustomerRepository
{
    // Every customer is a partition of its own, so a bulk upsert is many single writes; a few at a time.
    private const int ParallelWrites = 8;

    private TableClient Table => tables.GetTable(TableStore.BillingTable);

    public async Task<Customer?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.GuardAsync(tenantId, () =>
            Table.GetEntityIfExistsAsync<TableEntity>(BillingKeys.Partition(tenantId), BillingKeys.CustomerRow, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? BillingEntities.ToCustomer(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken)
    {
        // A RowKey filter across partitions scans the table; fine for administration, never used in a turn.
        var customers = await StorageErrors.GuardAsync("customers", async () =>
        {
            var result = new List<Customer>();
            await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.RowKey == BillingKeys.CustomerRow, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(BillingEntities.ToCustomer(entity));
            }

            return result;
        }).ConfigureAwait(false);
        return [.. customers.OrderBy(c => c.Name, StringComparer.InvariantCultureIgnoreCase).ThenBy(c => c.TenantId, StringComparer.Ordinal)];
    }

    public async Task UpsertAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var entity = BillingEntities.From(customer);
        await StorageErrors.GuardAsync(customer.TenantId, () => Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
    }

    public async Task UpsertManyAsync(IReadOnlyCollection<Customer> customers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var latest = customers.GroupBy(c => c.TenantId, StringComparer.Ordinal).Select(g => g.Last());
        await Parallel.ForEachAsync(
            latest,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (customer, token) => await UpsertAsync(customer, token).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
