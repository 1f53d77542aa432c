namespace BillingBot.Billing.Invoices;

/// <summary>The customers' invoices. An upsert stores the invoice as given; recording payments updates what was paid.</summary>
public interface IInvoiceRepository
{
    /// <summary>One invoice of a customer by its number, or null.</summary>
    Task<Invoice?> FindAsync(string tenantId, string number, CancellationToken cancellationToken);

    /// <summary>All invoices of a customer, newest first (by issue date, then number).</summary>
    Task<IReadOnlyList<Invoice>> ListForCustomerAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// The customer's invoices whose recorded <see cref="Invoice.Status"/> is neither Paid nor Cancelled (still owed, or
    /// disputed), newest first. Its cost follows what the customer owes, not the years of settled history stored: what
    /// the reminder sweep plans from.
    /// </summary>
    Task<IReadOnlyList<Invoice>> ListOpenForCustomerAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Invoices of all customers whose due date is between two dates (both included), by due date; whatever their
    /// status, so the caller decides with <see cref="Invoice.StatusOn"/>. Its cost grows with the invoices due in the
    /// range, not with all invoices stored: what the reminder scheduler uses.
    /// </summary>
    Task<IReadOnlyList<Invoice>> ListDueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// The due-date index's entries between two dates (both included), by due date: the invoices
    /// <see cref="ListDueBetweenAsync"/> finds, as the index knows them, without reading each invoice (half the reads, and
    /// the slower half). Invoice and payment writes keep the index in step; an entry may lag a write that failed half-way,
    /// and the invoice itself stays the truth.
    /// </summary>
    Task<IReadOnlyList<InvoiceDueEntry>> ListDueEntriesBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Creates or replaces an invoice (by tenant and number).</summary>
    Task UpsertAsync(Invoice invoice, CancellationToken cancellationToken);

    /// <summary>Creates or replaces many invoices; what an import uses.</summary>
    Task UpsertManyAsync(IReadOnlyCollection<Invoice> invoices, CancellationToken cancellationToken);

    /// <summary>Removes an invoice and its payments; nothing happens when there is no such invoice.</summary>
    Task DeleteAsync(string tenantId, string number, CancellationToken cancellationToken);
}
