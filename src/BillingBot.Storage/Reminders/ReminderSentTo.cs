namespace BillingBot.Storage.Reminders;

/// <summary>Where a sent reminder landed in Teams: enough to replace its card later (UpdateActivity).</summary>
public sealed record ReminderSentTo(string? ActivityId, string ConversationId, string ServiceUrl);
