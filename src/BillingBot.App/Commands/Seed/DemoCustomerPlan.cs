using BillingBot.Billing.Customers;
using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Seed;

/// <summary>A demo customer, how it usually pays, and its invoices.</summary>
internal sealed record DemoCustomerPlan(Customer Customer, PaymentMethod Method, IReadOnlyList<DemoSlot> Slots);
