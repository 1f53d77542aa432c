namespace BillingBot.Bench.Reminders;

/// <summary>A message the fake channel accepted: its chat, tenant, body and when it arrived.</summary>
internal sealed record AcceptedSend(string ConversationId, string Tenant, string Json, DateTimeOffset At);
