namespace BillingBot.Billing.Reminders;

/// <summary>The reminders already sent, for whoever must show them (a suspension approval lists the reminder history).</summary>
public interface IReminderHistory
{
    /// <summary>The reminders sent about an invoice, oldest first (a single-partition read).</summary>
    Task<IReadOnlyList<ReminderHistoryEntry>> ForInvoiceAsync(string tenantId, string invoiceNumber, CancellationToken cancellationToken);
}
