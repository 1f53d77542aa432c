using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>
/// The suspension workflow until the real one is registered: it only logs that an approval is needed, so a suspension
/// stage is never lost silently and nothing is ever suspended without a person.
/// </summary>
public sealed partial class LoggingSuspensionWorkflow(ILogger<LoggingSuspensionWorkflow> logger) : ISuspensionWorkflow
{
    public Task RequestApprovalAsync(PlannedReminder reminder, Customer customer, Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        Log.ApprovalNeeded(logger, reminder.TenantId, reminder.StageKey);
        return Task.CompletedTask;
    }

    public Task ReconcileAsync(Customer customer, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(6241, LogLevel.Warning, "Tenant {TenantId} reached the suspension stage {StageKey}; no suspension workflow is registered to ask the billing admins")]
        public static partial void ApprovalNeeded(ILogger logger, string tenantId, string stageKey);
    }
}
