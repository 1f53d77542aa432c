using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;

namespace BillingBot.App.Suspensions.Cards;

/// <summary>Everything the approval card shows: the case, the customer's overdue invoices and the reminders already sent.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Case">The suspension case with its audit trail.</param>
/// <param name="Overdue">The customer's overdue invoices on <paramref name="Today"/>, oldest due first.</param>
/// <param name="History">The reminders sent about these invoices.</param>
/// <param name="Today">The customer's calendar day.</param>
/// <param name="Policy">The collection policy, for the suspension date.</param>
/// <param name="WithActions">Whether to offer Approve and Postpone (to billing admins, while the case awaits a decision).</param>
/// <param name="RefreshUserIds">Whose Teams clients refresh the card on their own (the billing admins' object ids).</param>
public sealed record ApprovalView(
    Customer Customer,
    SuspensionCase Case,
    IReadOnlyList<Invoice> Overdue,
    IReadOnlyList<ReminderHistoryEntry> History,
    DateOnly Today,
    CollectionPolicy Policy,
    bool WithActions,
    IReadOnlyList<string> RefreshUserIds);
