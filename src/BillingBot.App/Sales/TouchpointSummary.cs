using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Touchpoints;

namespace BillingBot.App.Sales;

/// <summary>A customer's touchpoints from <see cref="Since"/> to <see cref="Until"/>, with its tickets as stored now.</summary>
public sealed record TouchpointSummary(Customer Customer, DateTimeOffset Since, DateTimeOffset Until, int Days, IReadOnlyList<Touchpoint> Touchpoints, IReadOnlyList<Ticket> Tickets)
{
    public IEnumerable<Touchpoint> Of(TouchpointKind kind) => Touchpoints.Where(t => t.Kind == kind && t.At >= Since && t.At <= Until);

    /// <summary>The tickets that matter for the period: opened in it, or still open from before.</summary>
    public IReadOnlyList<Ticket> RelevantTickets => [.. Tickets.Where(t => t.OpenedAt >= Since || t.IsOpen)];

    /// <summary>
    /// Tickets opened in the period. Opening a ticket also records a touchpoint; either may have missed one (a touchpoint
    /// is kept on the side and may be dropped), so the larger count is the truer one.
    /// </summary>
    public int TicketsOpened => Math.Max(Of(TouchpointKind.Ticket).Count(), Tickets.Count(t => t.OpenedAt >= Since && t.OpenedAt <= Until));
}
