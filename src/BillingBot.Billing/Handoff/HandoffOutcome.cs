namespace BillingBot.Billing.Handoff;

/// <summary>A hand-off as it stands after an attempt to change it, and whether this attempt changed it.</summary>
public sealed record HandoffOutcome(HandoffRequest Request, bool Changed);
