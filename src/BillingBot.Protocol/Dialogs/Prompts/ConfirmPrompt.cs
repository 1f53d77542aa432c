using System.Globalization;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.Recognizers;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// Asks a yes/no question shown with two buttons ("Tak"/"Nie" or "Yes"/"No" unless <see cref="ConfirmChoices"/> says
/// otherwise). A click, "1"/"2", or a typed answer in Polish or English ("jasne", "nope", "raczej nie") is recognized.
/// </summary>
public class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    /// <summary>How the two buttons are shown when the options do not say; Auto is a hero card in Teams.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The yes and no buttons; the localized "Yes"/"No" when null.</summary>
    public (Choice Yes, Choice No)? ConfirmChoices { get; set; }

    /// <summary>The words joining the two choices in text styles; localized when null.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var culture = CultureOf(turnContext);
        var (yes, no) = ChoicesFor(culture);
        var message = WithChoices(
            MessageFor(options, isRetry, culture, PromptTexts.RetryConfirm),
            turnContext.Activity.ChannelId,
            [yes, no],
            options.Style ?? Style,
            ChoiceOptions ?? ChoiceFactoryOptions.For(culture));
        return turnContext.SendActivityAsync(message, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var culture = CultureOf(turnContext);
        var text = turnContext.Activity.GetTextWithoutBotMention();
        var (yes, no) = ChoicesFor(culture);

        // A click on a button with a custom title, or "1"/"2", is certain; words come next.
        if (ChoiceRecognizer.Recognize(text, [Title(yes), Title(no)], culture) is { Score: >= 1.0 } clicked)
        {
            return Task.FromResult(new PromptRecognizerResult<bool>(clicked.Index == 0));
        }

        return Task.FromResult(BooleanRecognizer.Recognize(text, culture) is { } answer
            ? new PromptRecognizerResult<bool>(answer)
            : new PromptRecognizerResult<bool>());
    }

    private (Choice Yes, Choice No) ChoicesFor(CultureInfo culture) =>
        ConfirmChoices ?? (new Choice(PromptTexts.Get(culture, PromptTexts.Yes)), new Choice(PromptTexts.Get(culture, PromptTexts.No)));

    private static string Title(Choice choice) => choice.Action?.Value as string ?? choice.Value;
}
