using System.Collections.Concurrent;
using BillingBot.Billing.Reminders;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>The reminders "already sent", as the scheduler's ledger would report them.</summary>
public sealed class FakeReminderHistory : IReminderHistory
{
    private readonly ConcurrentDictionary<(string Tenant, string Invoice), List<ReminderHistoryEntry>> _entries = new();

    public void Add(ReminderHistoryEntry entry) =>
        _entries.AddOrUpdate((entry.TenantId, entry.InvoiceNumber ?? "-"), _ => [entry], (_, list) => [.. list, entry]);

    public Task<IReadOnlyList<ReminderHistoryEntry>> ForInvoiceAsync(string tenantId, string invoiceNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderHistoryEntry>>(_entries.TryGetValue((tenantId, invoiceNumber), out var list) ? [.. list.OrderBy(e => e.SentAt)] : []);
}
