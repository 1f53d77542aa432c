using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Reminders;

/// <summary>
/// The reminder as one line of text in the recipient's language, with no amounts: what is sent until the reminder
/// cards are registered (they replace this with TryAdd's rules).
/// </summary>
public sealed class PlainReminderMessageFactory(CollectionPolicyBook policies) : IReminderMessageFactory
{
    public Activity Create(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice? invoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(recipient);
        var texts = ReminderTexts.For(recipient.Language);
        var text = reminder.Kind switch
        {
            ReminderKind.PeriodClosing => texts.Format(
                "PeriodClosing",
                new DateOnly(reminder.StageDate.Year, reminder.StageDate.Month, 1).ToString("Y", texts.Culture),
                texts.Date(new DateOnly(reminder.StageDate.Year, reminder.StageDate.Month, DateTime.DaysInMonth(reminder.StageDate.Year, reminder.StageDate.Month)))),
            ReminderKind.Suspension => throw new ArgumentException("The suspension stage goes to the partner's billing admins, never to a customer.", nameof(reminder)),
            _ when invoice is null => throw new ArgumentException($"A {reminder.Kind} reminder needs its invoice.", nameof(invoice)),
            ReminderKind.SuspensionWarning => texts.Format(
                "SuspensionWarning", invoice.Number, texts.Date(invoice.DueDate), texts.Date(policies.For(customer.TenantId).SuspensionDate(invoice.DueDate))),
            _ => texts.Format(reminder.Kind.ToString(), invoice.Number, texts.Date(invoice.DueDate)),
        };
        return Message(text, texts);
    }

    public Activity Update(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice invoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(invoice);
        var texts = ReminderTexts.For(recipient.Language);
        var text = invoice.StatusOn(customer.LocalDate(now)) switch
        {
            InvoiceStatus.Paid => texts.Format("UpdatedPaid", invoice.Number),
            InvoiceStatus.Cancelled => texts.Format("UpdatedCancelled", invoice.Number),
            InvoiceStatus.Disputed => texts.Format("UpdatedDisputed", invoice.Number),
            _ => texts.Format("UpdatedOwed", invoice.Number, texts.Date(invoice.DueDate)),
        };
        return Message(text, texts);
    }

    private static Activity Message(string text, ReminderTexts texts)
    {
        var message = ActivityExtensions.CreateMessage(text);
        message.Locale = texts.Culture.Name;
        return message;
    }
}
