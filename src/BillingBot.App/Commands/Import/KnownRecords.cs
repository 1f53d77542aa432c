using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// What rows may refer to: customers and invoices in storage, and the good rows of files read before in the same
/// command. Storage is read at most once per tenant (a point read for the customer, one partition query for its invoices).
/// </summary>
internal sealed class KnownRecords(ICustomerRepository customers, IInvoiceRepository invoices)
{
    private readonly Dictionary<string, Customer?> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Invoice>> _storedInvoices = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Tenant, string Number), Invoice> _importedInvoices = [];

    public async ValueTask<Customer?> CustomerAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!_customers.TryGetValue(tenantId, out var customer))
        {
            customer = await customers.FindAsync(tenantId, cancellationToken).ConfigureAwait(false);
            _customers[tenantId] = customer;
        }

        return customer;
    }

    public async ValueTask<Invoice?> InvoiceAsync(string tenantId, string number, CancellationToken cancellationToken)
    {
        if (_importedInvoices.TryGetValue((tenantId, number), out var imported))
        {
            return imported;
        }

        if (!_storedInvoices.TryGetValue(tenantId, out var stored))
        {
            var list = await invoices.ListForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false);
            stored = list.ToDictionary(i => i.Number, StringComparer.Ordinal);
            _storedInvoices[tenantId] = stored;
        }

        return stored.GetValueOrDefault(number);
    }

    public void Add(Customer customer) => _customers[customer.TenantId] = customer;

    public void Add(Invoice invoice) => _importedInvoices[(invoice.TenantId, invoice.Number)] = invoice;
}
