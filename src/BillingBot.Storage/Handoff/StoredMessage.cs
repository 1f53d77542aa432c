using BillingBot.Billing.Handoff;

namespace BillingBot.Storage.Handoff;

/// <summary>A transcript message as stored in a list.</summary>
internal sealed record StoredMessage(HandoffParty Who, string Text, DateTimeOffset At, string? Name);
