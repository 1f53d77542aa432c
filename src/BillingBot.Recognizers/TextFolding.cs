namespace BillingBot.Recognizers;

/// <summary>Placeholder so the project builds; the recognizers replace it.</summary>
internal static class TextFolding;
