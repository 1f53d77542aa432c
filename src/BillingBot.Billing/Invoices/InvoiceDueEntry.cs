namespace BillingBot.Billing.Invoices;

/// <summary>
/// An invoice as the due-date index knows it: who owes it, when it is due, when it was issued, and enough of its state
/// (recorded status, amounts in minor units) to tell that it changed, without reading the invoice itself.
/// </summary>
public sealed record InvoiceDueEntry(
    string TenantId,
    string Number,
    DateOnly DueDate,
    DateOnly IssueDate,
    InvoiceStatus Status,
    long AmountPaidMinor,
    long GrossMinor)
{
    public static InvoiceDueEntry Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(invoice.TenantId, invoice.Number, invoice.DueDate, invoice.IssueDate, invoice.Status, invoice.AmountPaid.ToMinorUnits(), invoice.Gross.ToMinorUnits());
    }
}
