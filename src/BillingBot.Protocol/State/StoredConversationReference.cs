using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.State;

/// <summary>A conversation reference kept for proactive messages, per tenant and user (or channel).</summary>
/// <param name="TenantId">The Entra tenant the conversation belongs to.</param>
/// <param name="Owner">The user's Entra object id (or channel id for a team install): whom the reference reaches.</param>
/// <param name="Reference">The reference itself.</param>
/// <param name="IsActive">False once Teams said the bot was removed or blocked; true again when the user writes or reinstalls.</param>
/// <param name="UpdatedAt">When it was last stored.</param>
public sealed record StoredConversationReference(string TenantId, string Owner, ConversationReference Reference, bool IsActive, DateTimeOffset UpdatedAt);
