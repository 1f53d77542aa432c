namespace BillingBot.Recognizers;

/// <summary>The choice a text picks: its index in the list, its value and a score from 0 to 1 (1 = exact or by position).</summary>
public sealed record RecognizedChoice(int Index, string Value, double Score);
