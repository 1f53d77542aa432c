namespace BillingBot.Billing.Suspensions;

/// <summary>Where a message the bot posted lives (a conversation and the activity id Teams gave it), so it can be updated later.</summary>
public sealed record PostedMessage(string ConversationId, string ActivityId);
