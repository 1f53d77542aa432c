namespace BillingBot.Billing.Reminders;

/// <summary>What a reminder is about, in the order of an invoice's life.</summary>
public enum ReminderKind
{
    /// <summary>A new invoice was issued (billing-period notice).</summary>
    InvoiceIssued,

    /// <summary>The current billing period is closing (billing-period notice; no invoice yet).</summary>
    PeriodClosing,

    /// <summary>Days before the due date.</summary>
    Upcoming,

    /// <summary>On the due date.</summary>
    DueToday,

    /// <summary>Days after the due date (dunning notice).</summary>
    Overdue,

    /// <summary>The warning that states the exact suspension date.</summary>
    SuspensionWarning,

    /// <summary>The suspension stage: goes to the partner's billing admins for approval, never straight to the customer.</summary>
    Suspension,
}
