using BillingBot.Billing.Reminders;

namespace BillingBot.Storage.Reminders;

/// <summary>
/// One reminder to one recipient: the unit that is claimed, sent and recorded exactly once. The suspension stage has
/// no recipient (it goes to the partner's billing admins) and is claimed once per reminder.
/// </summary>
public sealed record ReminderDelivery(PlannedReminder Reminder, ReminderRecipient? Recipient)
{
    /// <summary>"{reminder key}|{recipient or -}": unique per delivery, for logs and tests.</summary>
    public string Id => $"{Reminder.Key}|{Recipient?.ObjectId ?? ReminderKeys.None}";

    /// <summary>The deliveries of a planned reminder: one per recipient, or a single one for the suspension stage.</summary>
    public static IReadOnlyList<ReminderDelivery> Of(PlannedReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.Kind == ReminderKind.Suspension
            ? [new ReminderDelivery(reminder with { Recipients = [] }, null)]
            : [.. reminder.Recipients.Select(r => new ReminderDelivery(reminder with { Recipients = [r] }, r))];
    }
}
