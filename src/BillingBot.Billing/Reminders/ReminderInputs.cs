using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;

namespace BillingBot.Billing.Reminders;

/// <summary>What the planner looks at for one customer: its invoices (with payments applied) and what its people said.</summary>
public sealed record ReminderInputs(Customer Customer, IReadOnlyList<Invoice> Invoices, ReminderControlSet Controls);
