using BillingBot.Billing.Collections;

namespace BillingBot.App.Configuration;

/// <summary>
/// The partner's collection policy as configured under "Collections"; unset values keep the defaults. Customers with a
/// policy of their own are listed under "Collections:Customers:{tenantId}", where unset values keep the partner's.
/// </summary>
public sealed class CollectionPolicyOptions
{
    public List<int>? ReminderDaysBeforeDue { get; set; }

    public bool? RemindOnDueDate { get; set; }

    public List<int>? OverdueNoticeDays { get; set; }

    public int? GraceDays { get; set; }

    public int? SuspensionWarningDays { get; set; }

    public int? SuspensionAfterDays { get; set; }

    /// <summary>Local time, e.g. "09:00".</summary>
    public TimeOnly? DeliveryWindowStart { get; set; }

    /// <summary>Local time, e.g. "17:00"; reminders go out before it.</summary>
    public TimeOnly? DeliveryWindowEnd { get; set; }

    public List<DayOfWeek>? WorkingDays { get; set; }

    public List<DateOnly>? Holidays { get; set; }

    public bool? NotifyInvoiceIssued { get; set; }

    public int? InvoiceIssuedNoticeWorkingDays { get; set; }

    public bool? NotifyPeriodClosing { get; set; }

    public int? PeriodClosingDaysBefore { get; set; }

    public int? PaymentClaimPauseDays { get; set; }

    /// <summary>Customers' own policies by tenant id (only at the top level; an entry's own list is refused).</summary>
    public Dictionary<string, CollectionPolicyOptions> Customers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The partner's policy.</summary>
    public CollectionPolicy ToPolicy() => ToPolicy(CollectionPolicy.Default);

    /// <summary>The policy with what is configured here, and the rest from <paramref name="basis"/>.</summary>
    public CollectionPolicy ToPolicy(CollectionPolicy basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return basis with
        {
            ReminderDaysBeforeDue = ReminderDaysBeforeDue ?? basis.ReminderDaysBeforeDue,
            RemindOnDueDate = RemindOnDueDate ?? basis.RemindOnDueDate,
            OverdueNoticeDays = OverdueNoticeDays ?? basis.OverdueNoticeDays,
            GraceDays = GraceDays ?? basis.GraceDays,
            SuspensionWarningDays = SuspensionWarningDays ?? basis.SuspensionWarningDays,
            SuspensionAfterDays = SuspensionAfterDays ?? basis.SuspensionAfterDays,
            DeliveryWindowStart = DeliveryWindowStart ?? basis.DeliveryWindowStart,
            DeliveryWindowEnd = DeliveryWindowEnd ?? basis.DeliveryWindowEnd,
            WorkingDays = WorkingDays ?? basis.WorkingDays,
            Holidays = Holidays ?? basis.Holidays,
            NotifyInvoiceIssued = NotifyInvoiceIssued ?? basis.NotifyInvoiceIssued,
            InvoiceIssuedNoticeWorkingDays = InvoiceIssuedNoticeWorkingDays ?? basis.InvoiceIssuedNoticeWorkingDays,
            NotifyPeriodClosing = NotifyPeriodClosing ?? basis.NotifyPeriodClosing,
            PeriodClosingDaysBefore = PeriodClosingDaysBefore ?? basis.PeriodClosingDaysBefore,
            PaymentClaimPauseDays = PaymentClaimPauseDays ?? basis.PaymentClaimPauseDays,
        };
    }

    /// <summary>The partner's policy and each listed customer's, built on the partner's.</summary>
    public CollectionPolicyBook ToPolicyBook()
    {
        var partner = ToPolicy();
        return new CollectionPolicyBook(partner, Customers.ToDictionary(c => c.Key, c => c.Value.ToPolicy(partner), StringComparer.OrdinalIgnoreCase));
    }
}
