using BillingBot.Billing.Handoff;

namespace BillingBot.App.Handoff;

/// <summary>What an agent's accept came to, with the hand-off as it stands after it (null when there is no such hand-off).</summary>
public sealed record AcceptResult(AcceptOutcome? Outcome, HandoffRequest? Request);
