namespace BillingBot.Recognizers;

/// <summary>An amount found in a text; <see cref="Currency"/> is an ISO 4217 code, or null when no currency was written.</summary>
public sealed record RecognizedAmount(int Index, int Length, string Text, decimal Value, string? Currency);
