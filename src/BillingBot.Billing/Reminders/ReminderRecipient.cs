namespace BillingBot.Billing.Reminders;

/// <summary>A billing contact who gets a reminder, in the language they asked for (or the customer's).</summary>
public sealed record ReminderRecipient(string ObjectId, string Language);
