using BillingBot.Billing.Collections;

namespace BillingBot.App.Configuration;

/// <summary>The partner's collection policy as configured under "Collections"; unset values keep the defaults.</summary>
public sealed class CollectionPolicyOptions
{
    public List<int>? ReminderDaysBeforeDue { get; set; }

    public bool? RemindOnDueDate { get; set; }

    public List<int>? OverdueNoticeDays { get; set; }

    public int? GraceDays { get; set; }

    public int? SuspensionWarningDays { get; set; }

    public int? SuspensionAfterDays { get; set; }

    public CollectionPolicy ToPolicy()
    {
        var d = CollectionPolicy.Default;
        return new CollectionPolicy
        {
            ReminderDaysBeforeDue = ReminderDaysBeforeDue ?? d.ReminderDaysBeforeDue,
            RemindOnDueDate = RemindOnDueDate ?? d.RemindOnDueDate,
            OverdueNoticeDays = OverdueNoticeDays ?? d.OverdueNoticeDays,
            GraceDays = GraceDays ?? d.GraceDays,
            SuspensionWarningDays = SuspensionWarningDays ?? d.SuspensionWarningDays,
            SuspensionAfterDays = SuspensionAfterDays ?? d.SuspensionAfterDays,
        };
    }
}
