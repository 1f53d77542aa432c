namespace BillingBot.Recognizers;

/// <summary>A number found in a text; <see cref="Index"/> and <see cref="Length"/> locate <see cref="Text"/> in the original text.</summary>
public sealed record RecognizedNumber(int Index, int Length, string Text, decimal Value);
