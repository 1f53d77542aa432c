using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;

namespace BillingBot.Billing.Reminders;

/// <summary>One step of an invoice's reminder sequence under a policy: what it is and the customer's day it starts.</summary>
internal sealed record ReminderStage(ReminderKind Kind, int DayOffset, DateOnly Date, string Key)
{
    /// <summary>Whether the stage presses for payment of an overdue invoice (what disputes and promises hold back).</summary>
    public bool IsDunning => Kind is ReminderKind.Overdue or ReminderKind.SuspensionWarning or ReminderKind.Suspension;

    /// <summary>
    /// The stages of an invoice in the order they start: the new-invoice notice, the reminders before and on the due
    /// date, the overdue notices, the suspension warning and the suspension. Stages dated before the invoice was
    /// issued never apply. Stages starting on the same day keep the order of an invoice's life, so the later one wins.
    /// </summary>
    public static IReadOnlyList<ReminderStage> For(Invoice invoice, CollectionPolicy policy)
    {
        var due = invoice.DueDate;
        var stages = new List<ReminderStage>();
        if (policy.NotifyInvoiceIssued)
        {
            stages.Add(new(ReminderKind.InvoiceIssued, invoice.IssueDate.DayNumber - due.DayNumber, invoice.IssueDate, "issued"));
        }

        stages.AddRange(policy.ReminderDaysBeforeDue.Distinct().Select(d => new ReminderStage(ReminderKind.Upcoming, -d, due.AddDays(-d), $"before-{d}")));
        if (policy.RemindOnDueDate)
        {
            stages.Add(new(ReminderKind.DueToday, 0, due, "due"));
        }

        // A notice that would fall within the grace period waits for the first day after it.
        var afterGrace = policy.PaymentDeadline(due).AddDays(1);
        stages.AddRange(policy.OverdueNoticeDays.Distinct().Select(d => new ReminderStage(ReminderKind.Overdue, d, Later(due.AddDays(d), afterGrace), $"after-{d}")));
        stages.Add(new(ReminderKind.SuspensionWarning, policy.SuspensionWarningDays, policy.SuspensionWarningDate(due), $"warning-{policy.SuspensionWarningDays}"));
        stages.Add(new(ReminderKind.Suspension, policy.SuspensionAfterDays, policy.SuspensionDate(due), $"suspension-{policy.SuspensionAfterDays}"));
        return [.. stages.Where(s => s.Date >= invoice.IssueDate).OrderBy(s => s.Date).ThenBy(s => s.Kind).ThenBy(s => s.DayOffset)];
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
