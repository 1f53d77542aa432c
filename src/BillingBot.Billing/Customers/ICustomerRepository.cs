namespace BillingBot.Billing.Customers;

/// <summary>The partner's customers, one per Entra tenant.</summary>
public interface ICustomerRepository
{
    /// <summary>The customer of a tenant, or null when the tenant is not a customer.</summary>
    Task<Customer?> FindAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every customer, by name. Reads the whole customer list: for administration, not for a conversation.</summary>
    Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces the customer with this tenant id.</summary>
    Task UpsertAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>Creates or replaces many customers; what an import uses.</summary>
    Task UpsertManyAsync(IReadOnlyCollection<Customer> customers, CancellationToken cancellationToken);
}
