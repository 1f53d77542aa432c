using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>
/// Suspension never happens silently: the suspension stage asks the partner's billing admins to approve or postpone,
/// and access comes back when the overdue balance is paid.
/// </summary>
public interface ISuspensionWorkflow
{
    /// <summary>Posts the approval request for an invoice that reached the suspension stage (called once per stage).</summary>
    Task RequestApprovalAsync(PlannedReminder reminder, Customer customer, Invoice invoice, CancellationToken cancellationToken);

    /// <summary>
    /// Restores a suspended customer's access once nothing is overdue any more (called on every sweep, with at least the
    /// customer's open invoices).
    /// </summary>
    Task ReconcileAsync(Customer customer, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken);
}
