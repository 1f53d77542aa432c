namespace BillingBot.Billing.Invoices;

/// <summary>Something refers to an invoice the customer does not have.</summary>
public sealed class InvoiceNotFoundException(string tenantId, string number)
    : Exception($"The customer {tenantId} has no invoice {number}.")
{
    public string TenantId { get; } = tenantId;

    public string Number { get; } = number;
}
