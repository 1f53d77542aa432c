namespace BillingBot.Billing.Reminders;

/// <summary>
/// An open dispute of an invoice (a support ticket of the category InvoiceDispute that names it): while it lasts, the
/// invoice's dunning stages are held back. It ends when the ticket is resolved or closed.
/// </summary>
public sealed record DisputeHold(string TenantId, string InvoiceNumber, string TicketNumber, DateTimeOffset Since)
{
    public string TenantId { get; } = Guard.Required(TenantId, nameof(TenantId));

    public string InvoiceNumber { get; } = Guard.Required(InvoiceNumber, nameof(InvoiceNumber));

    public string TicketNumber { get; } = Guard.Required(TicketNumber, nameof(TicketNumber));
}
