using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.Recognizers;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as buttons (a hero card in Teams). A
/// button click, a synonym, a position ("2", "drugi", "the second one") or enough of a choice's words is recognized.
/// </summary>
public class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <summary>How the choices are shown when the options do not say; Auto is a hero card in Teams.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The words joining choices in text styles; localized when null.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var culture = CultureOf(turnContext);
        var message = WithChoices(
            MessageFor(options, isRetry, culture, PromptTexts.RetryChoice),
            turnContext.Activity.ChannelId,
            options.Choices ?? [],
            options.Style ?? Style,
            ChoiceOptions ?? ChoiceFactoryOptions.For(culture));
        return turnContext.SendActivityAsync(message, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var choices = options.Choices ?? [];
        var text = turnContext.Activity.GetTextWithoutBotMention();
        var answer = TextFolding.Fold(text).Trim();

        // What a button sends, its title and the synonyms pick a choice exactly, whatever the list's wording.
        for (var i = 0; i < choices.Count; i++)
        {
            if (ExactForms(choices[i]).FirstOrDefault(form => TextFolding.Fold(form).Trim() == answer) is { } form)
            {
                return Task.FromResult(new PromptRecognizerResult<FoundChoice>(new FoundChoice(choices[i].Value, i, 1.0, form == choices[i].Value ? null : form)));
            }
        }

        var found = ChoiceRecognizer.Recognize(text, choices.Select(c => c.Value).ToList(), CultureOf(turnContext));
        return Task.FromResult(found is null
            ? new PromptRecognizerResult<FoundChoice>()
            : new PromptRecognizerResult<FoundChoice>(new FoundChoice(found.Value, found.Index, found.Score)));
    }

    private static IEnumerable<string> ExactForms(Choice choice)
    {
        yield return choice.Value;
        if (choice.Action?.Title is { } title)
        {
            yield return title;
        }

        if (choice.Action?.Value is string sent)
        {
            yield return sent;
        }

        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }
}
