namespace BillingBot.Billing.Reminders;

/// <summary>"Remind me later": no reminders about the invoice for this person until the date.</summary>
public sealed record ReminderSnooze(string TenantId, string InvoiceNumber, string ByObjectId, DateOnly Until, DateTimeOffset MadeAt);
