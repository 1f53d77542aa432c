namespace BillingBot.Billing.Collections;

/// <summary>
/// The partner's collection policy: when customers are reminded, when non-payment is escalated and when access is
/// suspended. Days count calendar days from an invoice's due date in the customer's own calendar.
/// </summary>
public sealed record CollectionPolicy
{
    /// <summary>Reminders this many days before the due date (defaults: a week and a day before).</summary>
    public IReadOnlyList<int> ReminderDaysBeforeDue { get; init; } = [7, 1];

    /// <summary>Whether a reminder goes out on the due date itself.</summary>
    public bool RemindOnDueDate { get; init; } = true;

    /// <summary>Overdue notices this many days after the due date.</summary>
    public IReadOnlyList<int> OverdueNoticeDays { get; init; } = [3, 10];

    /// <summary>Days after the due date that a payment still counts as on time (no notice, no suspension clock).</summary>
    public int GraceDays { get; init; }

    /// <summary>Days after the due date of the warning that names the exact suspension date.</summary>
    public int SuspensionWarningDays { get; init; } = 20;

    /// <summary>Days after the due date from which access to subscriptions may be suspended, until the invoice is settled.</summary>
    public int SuspensionAfterDays { get; init; } = 30;

    /// <summary>The default policy: reminders at -7, -1 and 0 days, notices at +3 and +10, a warning at +20, suspension at +30.</summary>
    public static CollectionPolicy Default { get; } = new();

    /// <summary>The last day on which a payment counts as on time.</summary>
    public DateOnly PaymentDeadline(DateOnly dueDate) => dueDate.AddDays(GraceDays);

    /// <summary>The first day on which access may be suspended if the invoice is still unpaid.</summary>
    public DateOnly SuspensionDate(DateOnly dueDate) => dueDate.AddDays(SuspensionAfterDays);

    /// <summary>The day the suspension warning is due.</summary>
    public DateOnly SuspensionWarningDate(DateOnly dueDate) => dueDate.AddDays(SuspensionWarningDays);

    /// <summary>The problems that make this policy unusable, in plain words; empty when it is sound.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ReminderDaysBeforeDue.Any(d => d <= 0))
        {
            problems.Add("Reminder days before the due date must be positive.");
        }

        if (OverdueNoticeDays.Any(d => d <= 0))
        {
            problems.Add("Overdue notice days must be positive.");
        }

        if (GraceDays < 0)
        {
            problems.Add("Grace days cannot be negative.");
        }

        if (SuspensionAfterDays <= GraceDays)
        {
            problems.Add("Suspension must come after the grace period.");
        }

        if (SuspensionWarningDays <= GraceDays || SuspensionWarningDays >= SuspensionAfterDays)
        {
            problems.Add("The suspension warning must come after the grace period and before the suspension.");
        }

        if (OverdueNoticeDays.Any(d => d >= SuspensionAfterDays))
        {
            problems.Add("Overdue notices must come before the suspension.");
        }

        return problems;
    }
}
