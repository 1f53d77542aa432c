namespace BillingBot.Billing.Escalations;

/// <summary>The support tickets of the partner's customers with their audit trails, found by customer and by status.</summary>
public interface ITickets
{
    /// <summary>A ticket of a customer with its audit trail, or null.</summary>
    Task<Ticket?> FindAsync(string tenantId, string number, CancellationToken cancellationToken);

    /// <summary>The customer's tickets, oldest first (by number when opened at the same moment).</summary>
    Task<IReadOnlyList<Ticket>> ForCustomerAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every customer's tickets with a status, oldest response due-by first (the agents' work list).</summary>
    Task<IReadOnlyList<Ticket>> WithStatusAsync(TicketStatus status, CancellationToken cancellationToken);

    /// <summary>Stores a new ticket; when the customer has one with the same number, that one comes back unchanged (Changed is false).</summary>
    Task<TicketOutcome> OpenAsync(Ticket proposed, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a change: <paramref name="decide"/> gets the ticket as stored and returns it changed or null to leave it.
    /// When someone else changed it meanwhile, it runs again on the newer ticket. Null when there is no such ticket.
    /// </summary>
    Task<TicketOutcome?> UpdateAsync(string tenantId, string number, Func<Ticket, Ticket?> decide, CancellationToken cancellationToken);
}
