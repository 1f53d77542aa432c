namespace BillingBot.Billing.Understanding;

/// <summary>
/// Tells which language a message is typed in, so the bot answers in it whatever the client's locale says
/// (the Agents Playground always sends en-US).
/// </summary>
public interface ILanguageDetector
{
    /// <summary>"pl" or "en"; null when the text holds no evidence either way ("ok", "FV/2026/10/017", "?").</summary>
    string? Detect(string text);
}
