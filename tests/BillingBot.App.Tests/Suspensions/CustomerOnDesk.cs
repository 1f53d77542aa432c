using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>A customer set up for a test: its invoices, and the personal chats of its primary and technical contacts.</summary>
public sealed record CustomerOnDesk(Customer Customer, IReadOnlyList<Invoice> Invoices, string PrimaryChat, string TechnicalChat)
{
    public BillingContact Primary => Customer.Contacts[0];

    public BillingContact Billing => Customer.Contacts[1];
}
