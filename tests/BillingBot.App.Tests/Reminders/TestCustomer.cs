using BillingBot.Billing.Customers;

namespace BillingBot.App.Tests.Reminders;

/// <summary>A customer of the reminder tests: Anna (primary) and Piotr (billing) get reminders; Tomasz (technical) never does.</summary>
public sealed record TestCustomer(Customer Customer, string Anna, string Piotr, string Tomasz)
{
    public string TenantId => Customer.TenantId;
}
