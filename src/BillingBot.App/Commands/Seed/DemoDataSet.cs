using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Seed;

/// <summary>The demo customers with their invoices and payments, as of one day.</summary>
public sealed record DemoDataSet(IReadOnlyList<Customer> Customers, IReadOnlyList<Invoice> Invoices, IReadOnlyList<Payment> Payments);
