namespace BillingBot.Billing.Understanding;

/// <summary>Understands a customer's message: language, intent and entities.</summary>
public interface IIntentRecognizer
{
    /// <param name="text">The message, without the bot's @mention.</param>
    /// <param name="language">"pl" or "en"; null to detect it from the text (client locales often differ from what people type).</param>
    /// <param name="today">The customer's today, against which "last month" or "15 grudnia" are resolved.</param>
    /// <param name="cancellationToken">Cancels the wait (the first call may wait for the model to be trained).</param>
    Task<UtteranceUnderstanding> RecognizeAsync(string text, string? language, DateOnly today, CancellationToken cancellationToken);
}
