namespace BillingBot.Billing.Reminders;

/// <summary>One reminder that went out: what, to whom, when (no amounts).</summary>
public sealed record ReminderHistoryEntry(string TenantId, string? InvoiceNumber, ReminderKind Kind, string StageKey, string RecipientObjectId, DateTimeOffset SentAt);
