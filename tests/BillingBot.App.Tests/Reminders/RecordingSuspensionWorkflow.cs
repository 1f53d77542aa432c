using System.Collections.Concurrent;
using BillingBot.App.Reminders;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;

namespace BillingBot.App.Tests.Reminders;

/// <summary>Records the approvals requested (as delivery ids "{key}|-") and the customers reconciled.</summary>
public sealed class RecordingSuspensionWorkflow : ISuspensionWorkflow
{
    public ConcurrentQueue<string> Requested { get; } = new();

    public ConcurrentQueue<string> Reconciled { get; } = new();

    public Task RequestApprovalAsync(PlannedReminder reminder, Customer customer, Invoice invoice, CancellationToken cancellationToken)
    {
        Requested.Enqueue(reminder.Key + "|-");
        return Task.CompletedTask;
    }

    public Task ReconcileAsync(Customer customer, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        Reconciled.Enqueue(customer.TenantId);
        return Task.CompletedTask;
    }
}
