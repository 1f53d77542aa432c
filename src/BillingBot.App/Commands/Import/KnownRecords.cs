using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// What rows may refer to: customers and invoices in storage, and the good rows of files read before in the same
/// command; and the payments an invoice will have once the import is written. Storage is read at most once per tenant
/// (a point read for the customer, one partition query for its invoices, one for its payments).
/// </summary>
internal sealed class KnownRecords(ICustomerRepository customers, IInvoiceRepository invoices, IPaymentRepository payments)
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, decimal>>> _payments = new(StringComparer.Ordinal);
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

    /// <summary>
    /// What an invoice's payments add up to with this one: those in storage, those of this import so far, this one
    /// (a payment id again replaces the payment, as the write will).
    /// </summary>
    public async ValueTask<decimal> PaidWithAsync(Payment payment, CancellationToken cancellationToken)
    {
        var paid = (await PaymentsOfAsync(payment.TenantId, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(payment.InvoiceNumber);
        return (paid?.Where(p => p.Key != payment.PaymentId).Sum(p => p.Value) ?? 0m) + payment.Amount.Amount;
    }

    /// <summary>A good payment row of this import, counted in its invoice's total (<see cref="PaidWithAsync"/> read the tenant's first).</summary>
    public void Add(Payment payment)
    {
        var byInvoice = _payments[payment.TenantId];
        if (!byInvoice.TryGetValue(payment.InvoiceNumber, out var paid))
        {
            byInvoice[payment.InvoiceNumber] = paid = new Dictionary<string, decimal>(StringComparer.Ordinal);
        }

        paid[payment.PaymentId] = payment.Amount.Amount;
    }

    /// <summary>A tenant's payments by invoice and payment id, from storage once, then as this import adds to them.</summary>
    private async ValueTask<Dictionary<string, Dictionary<string, decimal>>> PaymentsOfAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!_payments.TryGetValue(tenantId, out var byInvoice))
        {
            var recorded = await payments.ListForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false);
            byInvoice = recorded.GroupBy(p => p.InvoiceNumber, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.PaymentId, p => p.Amount.Amount, StringComparer.Ordinal), StringComparer.Ordinal);
            _payments[tenantId] = byInvoice;
        }

        return byInvoice;
    }

    public void Add(Customer customer) => _customers[customer.TenantId] = customer;

    public void Add(Invoice invoice) => _importedInvoices[(invoice.TenantId, invoice.Number)] = invoice;
}
