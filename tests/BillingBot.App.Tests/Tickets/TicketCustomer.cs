using BillingBot.App.Tests.Conversations;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;

namespace BillingBot.App.Tests.Tickets;

/// <summary>A customer set up for a ticket test: its invoices, and the personal chat of its primary contact with the bot.</summary>
public sealed record TicketCustomer(Customer Customer, IReadOnlyList<Invoice> Invoices, Chat Chat)
{
    public string TenantId => Customer.TenantId;

    public BillingContact Primary => Customer.Contacts[0];

    public BillingContact Billing => Customer.Contacts[1];
}
