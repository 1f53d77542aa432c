namespace BillingBot.Billing.Reminders;

/// <summary>A person's reminder preferences: the language reminders come in ("remind me in Polish"), null for the customer's.</summary>
public sealed record ReminderPreference(string TenantId, string ObjectId, string? Language, DateTimeOffset UpdatedAt);
