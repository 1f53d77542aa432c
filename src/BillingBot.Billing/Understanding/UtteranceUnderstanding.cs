namespace BillingBot.Billing.Understanding;

/// <summary>What one customer message means: its language, intent and entities.</summary>
/// <param name="Text">The message as received.</param>
/// <param name="Language">"pl" or "en" (<see cref="Languages"/>): the language to answer in.</param>
/// <param name="Intent">The most likely intent.</param>
/// <param name="Confidence">How likely <paramref name="Intent"/> is, 0..1.</param>
/// <param name="IsConfident">Whether the confidence reaches the configured threshold, so the bot may act without asking.</param>
/// <param name="TopIntents">The likeliest intents, best first (the first is <paramref name="Intent"/>): the choices for a clarifying question.</param>
/// <param name="Entities">Invoice numbers, months, amounts and dates named in the message.</param>
public sealed record UtteranceUnderstanding(
    string Text,
    string Language,
    Intent Intent,
    double Confidence,
    bool IsConfident,
    IReadOnlyList<IntentScore> TopIntents,
    UtteranceEntities Entities);
