namespace BillingBot.Billing.Handoff;

/// <summary>The support agent who took a hand-off: their Entra object id and their name as the staff directory knew it then.</summary>
public sealed record HandoffAgent(string ObjectId, string Name);
