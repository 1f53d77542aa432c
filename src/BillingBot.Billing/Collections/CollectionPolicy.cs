namespace BillingBot.Billing.Collections;

/// <summary>
/// The partner's collection policy: when customers are reminded, when non-payment is escalated and when access is
/// suspended, when reminders may reach people, and which billing-period notices go out. Days count calendar days from
/// an invoice's due date in the customer's own calendar; times of day are the customer's local time.
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

    /// <summary>The local time from which reminders may be delivered on a working day (default 09:00).</summary>
    public TimeOnly DeliveryWindowStart { get; init; } = new(9, 0);

    /// <summary>The local time from which reminders wait for the next working day (default 17:00; the window ends before it).</summary>
    public TimeOnly DeliveryWindowEnd { get; init; } = new(17, 0);

    /// <summary>The days of the week on which reminders are delivered (default Monday to Friday).</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Days in the customer's calendar on which no reminder is delivered, although they fall on a working day.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Whether the customer is told that a new invoice was issued.</summary>
    public bool NotifyInvoiceIssued { get; init; } = true;

    /// <summary>
    /// For how many working days, counted from the first working day on or after the issue date, the new-invoice
    /// notice may still go out (default 3); an invoice issued longer ago is not announced as new.
    /// </summary>
    public int InvoiceIssuedNoticeWorkingDays { get; init; } = 3;

    /// <summary>Whether the customer is told that the current monthly billing period is closing.</summary>
    public bool NotifyPeriodClosing { get; init; } = true;

    /// <summary>Days before the last day of the month on which the period-closing notice is due (default 3).</summary>
    public int PeriodClosingDaysBefore { get; init; } = 3;

    /// <summary>Days that an "I've paid" claim pauses the reminders of its invoice, counted from the day of the claim (default 5).</summary>
    public int PaymentClaimPauseDays { get; init; } = 5;

    /// <summary>The default policy: reminders at -7, -1 and 0 days, notices at +3 and +10, a warning at +20, suspension at +30.</summary>
    public static CollectionPolicy Default { get; } = new();

    /// <summary>The last day on which a payment counts as on time.</summary>
    public DateOnly PaymentDeadline(DateOnly dueDate) => dueDate.AddDays(GraceDays);

    /// <summary>The first day on which access may be suspended if the invoice is still unpaid.</summary>
    public DateOnly SuspensionDate(DateOnly dueDate) => dueDate.AddDays(SuspensionAfterDays);

    /// <summary>The day the suspension warning is due.</summary>
    public DateOnly SuspensionWarningDate(DateOnly dueDate) => dueDate.AddDays(SuspensionWarningDays);

    /// <summary>Whether reminders are delivered on this day of the customer's calendar: a working day that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    /// <summary>Whether a reminder may reach the customer at this local date and time.</summary>
    public bool IsDeliveryTime(DateOnly date, TimeOnly time) =>
        IsWorkingDay(date) && time >= DeliveryWindowStart && time < DeliveryWindowEnd;

    /// <summary>The first working day on or after a date; null when none comes within a year (a policy without working days).</summary>
    public DateOnly? NextWorkingDay(DateOnly date)
    {
        for (var day = date; day <= date.AddYears(1); day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>The first day reminders resume after an "I've paid" claim made on a day.</summary>
    public DateOnly PaymentClaimPauseEnd(DateOnly claimDate) => claimDate.AddDays(PaymentClaimPauseDays);

    /// <summary>The day the closing notice of the monthly period containing a date is due.</summary>
    public DateOnly PeriodClosingDate(DateOnly dayInPeriod) =>
        new DateOnly(dayInPeriod.Year, dayInPeriod.Month, DateTime.DaysInMonth(dayInPeriod.Year, dayInPeriod.Month)).AddDays(-PeriodClosingDaysBefore);

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

        if (DeliveryWindowStart >= DeliveryWindowEnd)
        {
            problems.Add("The delivery window must open before it closes.");
        }

        if (WorkingDays.Count == 0 || WorkingDays.Any(d => !Enum.IsDefined(d)))
        {
            problems.Add("Reminders need at least one working day of the week.");
        }

        if (InvoiceIssuedNoticeWorkingDays < 1)
        {
            problems.Add("The new-invoice notice needs at least one working day to go out.");
        }

        // 27 keeps the notice inside February, the shortest period.
        if (PeriodClosingDaysBefore is < 0 or > 27)
        {
            problems.Add("The period-closing notice must come 0 to 27 days before the period ends.");
        }

        if (PaymentClaimPauseDays < 0)
        {
            problems.Add("The pause after a payment claim cannot be negative.");
        }

        return problems;
    }
}
