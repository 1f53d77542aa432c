using BillingBot.Billing.Customers;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>
/// The points of a sweep where something may be observed or a fault injected: the tests kill an instance right after
/// it claimed a reminder, or right after Teams accepted it and before it was recorded. The app's hooks do nothing.
/// </summary>
public class ReminderSweepHooks
{
    /// <summary>A customer's reminders were planned; nothing is claimed yet.</summary>
    public virtual Task AfterPlanAsync(Customer customer, IReadOnlyList<PlannedReminder> plan, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A delivery is claimed; nothing is sent yet. A crash here costs a claim timeout, never a duplicate.</summary>
    public virtual Task AfterClaimAsync(ReminderLedgerEntry claim, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Teams accepted the reminder (or the approval was requested) and nothing is recorded yet: the one window where a crash sends it twice.</summary>
    public virtual Task AfterSendAsync(ReminderLedgerEntry claim, CancellationToken cancellationToken) => Task.CompletedTask;
}
