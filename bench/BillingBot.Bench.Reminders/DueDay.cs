using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// What the day holds, worked out in memory with the app's planner from the generated data (the oracle the bench checks
/// the store and the channel against). The store is in a steady state: every reminder whose stage began on an earlier
/// working day was sent then (the ledger holds it as Sent, its card still pending), so what is due today is what began
/// today, or on the days off since the last working day.
/// </summary>
internal sealed class DueDay(CollectionPolicy policy, DateTimeOffset now)
{
    private readonly List<ReminderDelivery> _planned = [];
    private readonly List<ReminderDelivery> _sentBefore = [];
    private readonly List<ReminderDelivery> _due = [];
    private readonly HashSet<string> _tenantsWithPlan = new(StringComparer.Ordinal);

    /// <summary>Every delivery the planner returns today (including those sent on an earlier day).</summary>
    public IReadOnlyList<ReminderDelivery> Planned => _planned;

    /// <summary>Planned today but sent on an earlier working day: the ledger history loaded with the data.</summary>
    public IReadOnlyList<ReminderDelivery> SentBefore => _sentBefore;

    /// <summary>Planned today and not sent yet: what a sweep today sends (messages) or asks approval for (suspensions).</summary>
    public IReadOnlyList<ReminderDelivery> Due => _due;

    public IReadOnlyCollection<string> TenantsWithPlan => _tenantsWithPlan;

    public int DueMessages => _due.Count(d => d.Recipient is not null);

    public int DueApprovals => _due.Count(d => d.Recipient is null);

    /// <summary>Plans one customer; only invoices that may still be owed matter (older ones are all settled).</summary>
    public void Add(Customer customer, IReadOnlyList<Invoice> invoices)
    {
        var plan = ReminderPlanner.Plan(new ReminderInputs(customer, invoices, ReminderControlSet.Empty), policy, now);
        if (plan.Count > 0)
        {
            _tenantsWithPlan.Add(customer.TenantId);
        }

        var today = customer.LocalDate(now);
        foreach (var delivery in plan.SelectMany(ReminderDelivery.Of))
        {
            _planned.Add(delivery);
            (policy.NextWorkingDay(delivery.Reminder.StageDate) < today ? _sentBefore : _due).Add(delivery);
        }
    }

    /// <summary>The ledger rows of the reminders sent before today: Sent at 09:00 UTC of their first working day.</summary>
    public IEnumerable<ReminderLedgerEntry> History(Func<ReminderDelivery, ReminderSentTo?> sentTo) =>
        _sentBefore.Select(d =>
        {
            var day = policy.NextWorkingDay(d.Reminder.StageDate)!.Value;
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            return new ReminderLedgerEntry(d, ReminderLedgerState.Sent, "history", at, 1, string.Empty)
            {
                CompletedAt = at.AddSeconds(1),
                SentTo = d.Recipient is null ? null : sentTo(d),
                CardPending = d.Recipient is not null,
            };
        });
}
