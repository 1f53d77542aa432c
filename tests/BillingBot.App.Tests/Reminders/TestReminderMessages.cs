using BillingBot.App.Reminders;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Tests.Reminders;

/// <summary>Reminders whose text is their delivery id ("{key}|{recipient}"), so what Teams received can be counted per delivery.</summary>
public sealed class TestReminderMessages : IReminderMessageFactory
{
    public const string UpdatedPrefix = "updated:";

    public Activity Create(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice? invoice, DateTimeOffset now) =>
        new() { Type = ActivityTypes.Message, Text = $"{reminder.Key}|{recipient.ObjectId}", Locale = recipient.Language };

    public Activity Update(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice invoice, DateTimeOffset now) =>
        new() { Type = ActivityTypes.Message, Text = $"{UpdatedPrefix}{invoice.StatusOn(customer.LocalDate(now))}|{reminder.Key}|{recipient.ObjectId}" };
}
