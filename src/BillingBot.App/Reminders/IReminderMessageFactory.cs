using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Reminders;

/// <summary>Turns a planned reminder into the message a billing contact receives: an Adaptive Card with Universal Actions.</summary>
public interface IReminderMessageFactory
{
    /// <summary>The reminder as first sent.</summary>
    Activity Create(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice? invoice, DateTimeOffset now);

    /// <summary>The same reminder as it should look now that its invoice changed (paid, disputed, cancelled): replaces the card already sent.</summary>
    Activity Update(PlannedReminder reminder, ReminderRecipient recipient, Customer customer, Invoice invoice, DateTimeOffset now);
}
