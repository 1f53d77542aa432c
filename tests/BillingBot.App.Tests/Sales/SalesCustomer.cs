using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;

namespace BillingBot.App.Tests.Sales;

/// <summary>A customer set up for a sales test: its invoices, its language, and the chats of its primary and technical contacts.</summary>
public sealed record SalesCustomer(Customer Customer, IReadOnlyList<Invoice> Invoices, string PrimaryChat, string TechnicalChat, string Locale)
{
    public BillingContact Primary => Customer.Contacts[0];

    public BillingContact Billing => Customer.Contacts[1];

    public BillingContact Technical => Customer.Contacts[2];

    public string TenantId => Customer.TenantId;
}
