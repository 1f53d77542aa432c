using System.Numerics;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.Recognizers;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// Asks for a number and reads it the way the user's culture writes it ("1 250,50", "1,250.50", "trzy"). The first
/// number in the answer counts; one that <typeparamref name="T"/> cannot hold exactly (12.5 for an int, or too
/// large) is not recognized.
/// </summary>
public class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return turnContext.SendActivityAsync(MessageFor(options, isRetry, CultureOf(turnContext), PromptTexts.RetryNumber), cancellationToken);
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var numbers = NumberRecognizer.Recognize(turnContext.Activity.GetTextWithoutBotMention(), CultureOf(turnContext));
        return Task.FromResult(numbers.Count > 0 && TryConvert(numbers[0].Value, out var value)
            ? new PromptRecognizerResult<T>(value)
            : new PromptRecognizerResult<T>());
    }

    private static bool TryConvert(decimal number, out T value)
    {
        try
        {
            value = T.CreateChecked(number);
            return decimal.CreateChecked(value) == number;
        }
        catch (OverflowException)
        {
            value = default;
            return false;
        }
    }
}
