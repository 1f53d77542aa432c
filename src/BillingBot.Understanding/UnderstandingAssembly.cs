namespace BillingBot.Understanding;

/// <summary>Placeholder so the project builds; the recognizer replaces it.</summary>
internal static class UnderstandingAssembly;
