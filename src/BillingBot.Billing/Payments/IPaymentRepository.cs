using BillingBot.Billing.Invoices;

namespace BillingBot.Billing.Payments;

/// <summary>
/// Payments received. Recording a payment also sets its invoice's AmountPaid to the sum of the invoice's payments and
/// moves its status (<see cref="Invoice.ApplyPayments"/>), in one step, so an invoice never disagrees with its
/// payments. Recording by payment id is idempotent.
/// </summary>
public interface IPaymentRepository
{
    /// <summary>The payments of one invoice, newest first.</summary>
    Task<IReadOnlyList<Payment>> ListForInvoiceAsync(string tenantId, string invoiceNumber, CancellationToken cancellationToken);

    /// <summary>All payments of a customer, newest first.</summary>
    Task<IReadOnlyList<Payment>> ListForCustomerAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Records (or re-records) a payment and updates its invoice. Throws <see cref="InvoiceNotFoundException"/> for an unknown invoice.</summary>
    Task UpsertAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>Records many payments and updates their invoices; what an import uses.</summary>
    Task UpsertManyAsync(IReadOnlyCollection<Payment> payments, CancellationToken cancellationToken);
}
