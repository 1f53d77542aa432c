using BillingBot.Billing.Collections;

namespace BillingBot.App.Configuration;

/// <summary>
/// The partner's collection policy as configured under "Collections"; unset values keep the defaults.
/// "Collections:Customers:{tenant id}" holds a customer's own policy: the keys it sets override the partner's.
/// </summary>
public sealed class CollectionPolicyOptions
{
    public List<int>? ReminderDaysBeforeDue { get; set; }

    public bool? RemindOnDueDate { get; set; }

    public List<int>? OverdueNoticeDays { get; set; }

    public int? GraceDays { get; set; }

    public int? SuspensionWarningDays { get; set; }

    public int? SuspensionAfterDays { get; set; }

    public TimeOnly? DeliveryWindowStart { get; set; }

    public TimeOnly? DeliveryWindowEnd { get; set; }

    public List<DayOfWeek>? WorkingDays { get; set; }

    public List<DateOnly>? Holidays { get; set; }

    public bool? NotifyInvoiceIssued { get; set; }

    public int? InvoiceIssuedNoticeWorkingDays { get; set; }

    public bool? NotifyPeriodClosing { get; set; }

    public int? PeriodClosingDaysBefore { get; set; }

    public int? PaymentClaimPauseDays { get; set; }

    /// <summary>Customers' own policies by tenant id.</summary>
    public Dictionary<string, CollectionPolicyOptions> Customers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public CollectionPolicy ToPolicy() => ApplyTo(CollectionPolicy.Default);

    public CollectionPolicyBook ToBook()
    {
        var partner = ToPolicy();
        return new CollectionPolicyBook(partner, Customers.ToDictionary(c => c.Key, c => c.Value.ApplyTo(partner), StringComparer.OrdinalIgnoreCase));
    }

    private CollectionPolicy ApplyTo(CollectionPolicy d) => d with
    {
        ReminderDaysBeforeDue = ReminderDaysBeforeDue ?? d.ReminderDaysBeforeDue,
        RemindOnDueDate = RemindOnDueDate ?? d.RemindOnDueDate,
        OverdueNoticeDays = OverdueNoticeDays ?? d.OverdueNoticeDays,
        GraceDays = GraceDays ?? d.GraceDays,
        SuspensionWarningDays = SuspensionWarningDays ?? d.SuspensionWarningDays,
        SuspensionAfterDays = SuspensionAfterDays ?? d.SuspensionAfterDays,
        DeliveryWindowStart = DeliveryWindowStart ?? d.DeliveryWindowStart,
        DeliveryWindowEnd = DeliveryWindowEnd ?? d.DeliveryWindowEnd,
        WorkingDays = WorkingDays ?? d.WorkingDays,
        Holidays = Holidays ?? d.Holidays,
        NotifyInvoiceIssued = NotifyInvoiceIssued ?? d.NotifyInvoiceIssued,
        InvoiceIssuedNoticeWorkingDays = InvoiceIssuedNoticeWorkingDays ?? d.InvoiceIssuedNoticeWorkingDays,
        NotifyPeriodClosing = NotifyPeriodClosing ?? d.NotifyPeriodClosing,
        PeriodClosingDaysBefore = PeriodClosingDaysBefore ?? d.PeriodClosingDaysBefore,
        PaymentClaimPauseDays = PaymentClaimPauseDays ?? d.PaymentClaimPauseDays,
    };
}
