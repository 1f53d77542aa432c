using BillingBot.Billing.Reminders;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Stands in for the reminder history until the reminder scheduler's ledger is registered (it replaces this one):
/// the approval card then says that no reminders are recorded.
/// </summary>
internal sealed class NoReminderHistory : IReminderHistory
{
    public Task<IReadOnlyList<ReminderHistoryEntry>> ForInvoiceAsync(string tenantId, string invoiceNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderHistoryEntry>>([]);
}
