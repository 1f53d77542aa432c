using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>Asks for free text; any non-empty answer (without the bot's @mention) is recognized.</summary>
public class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return turnContext.SendActivityAsync(MessageFor(options, isRetry, CultureOf(turnContext), PromptTexts.RetryText), cancellationToken);
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.GetTextWithoutBotMention();
        return Task.FromResult(string.IsNullOrWhiteSpace(text) ? new PromptRecognizerResult<string>() : new PromptRecognizerResult<string>(text));
    }
}
