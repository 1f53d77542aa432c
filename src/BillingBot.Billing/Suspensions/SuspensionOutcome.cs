namespace BillingBot.Billing.Suspensions;

/// <summary>A case as it stands after an attempt to change it, and whether this attempt changed it.</summary>
public sealed record SuspensionOutcome(SuspensionCase Case, bool Changed);
