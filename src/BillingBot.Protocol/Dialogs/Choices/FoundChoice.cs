namespace BillingBot.Protocol.Dialogs.Choices;

/// <summary>The choice a user picked: its value, its index among the choices, how sure the match is (0–1), and the synonym that matched, if any.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
