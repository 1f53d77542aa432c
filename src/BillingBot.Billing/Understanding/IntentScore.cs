namespace BillingBot.Billing.Understanding;

/// <summary>One intent and how likely the message means it (0..1).</summary>
public sealed record IntentScore(Intent Intent, double Score);
