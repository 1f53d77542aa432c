using BillingBot.App.Configuration;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders.Cards;

/// <summary>Reminder messages as <see cref="ReminderCard"/>s, in the recipient's language, within Teams' size limit.</summary>
public sealed class ReminderMessageFactory(CollectionPolicyBook policies, AdaptiveCardSerializer cards, IOptions<PaymentOptions> payments) : IReminderMessageFactory
{
    public Activity Create(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice? invoice, DateTimeOffset now) =>
        Message(reminder, recipient, customer, invoice, now, note: null);

    public Activity Update(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice invoice, DateTimeOffset now) =>
        Message(reminder, recipient, customer, invoice, now, note: null);

    /// <summary>The card for an invoke answer: the reminder as it is now, with what the person just did.</summary>
    public AdaptiveCard Card(PlannedReminder reminder, string language, Customer customer, Invoice? invoice, DateTimeOffset now, ReminderCardNote? note) =>
        ReminderCard.Build(reminder, language, customer, invoice, policies.For(customer.TenantId), customer.LocalDate(now), PayUrl(invoice), note);

    private Activity Message(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice? invoice, DateTimeOffset now, ReminderCardNote? note)
    {
        var card = Card(reminder, recipient.Language, customer, invoice, now, note);
        return cards.CreateMessage(card, card.FallbackText);
    }

    private Uri? PayUrl(Invoice? invoice) =>
        invoice is null || payments.Value.CardPaymentUrl is not { } page
            ? null
            : new Uri(page, "?invoice=" + Uri.EscapeDataString(invoice.Number));
}
