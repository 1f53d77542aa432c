namespace BillingBot.Billing.Handoff;

/// <summary>
/// Where a customer's message goes while their conversation has an open hand-off: the hand-off, its state, and the
/// agent's thread once the relay runs. Read with one point read; it may lag the request by a moment, so a step that
/// changes the hand-off still goes through the request itself.
/// </summary>
public sealed record HandoffRoute(string HandoffId, HandoffState State, string? AgentThreadConversationId, string? AgentName);
