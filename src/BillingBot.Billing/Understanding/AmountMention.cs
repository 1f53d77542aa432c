namespace BillingBot.Billing.Understanding;

/// <summary>An amount named in a message; the currency (ISO 4217) only when the message names one.</summary>
public sealed record AmountMention(decimal Value, string? Currency);
