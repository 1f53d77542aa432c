namespace BillingBot.Billing.Reminders;

/// <summary>"Stop reminders for this invoice": this person gets no more reminders about it (the suspension warning still comes).</summary>
public sealed record ReminderOptOut(string TenantId, string InvoiceNumber, string ObjectId, DateTimeOffset MadeAt);
