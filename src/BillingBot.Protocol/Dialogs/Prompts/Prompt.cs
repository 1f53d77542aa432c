using System.Globalization;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// A dialog that asks one question and ends with the typed answer. Each message is recognized, then validated (by
/// the validator if there is one, else by recognition alone); an answer that does not fit is answered with the retry
/// prompt, unless the validator already said something. After <see cref="PromptOptions.MaxAttempts"/> answers that
/// did not fit, the prompt ends with <see cref="PromptAttemptsExhausted"/>. Begin it with <see cref="PromptOptions"/>.
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator) : Dialog(dialogId)
{
    private const string OptionsKey = "options";
    private const string StateKey = "state";
    private const string AttemptCountKey = "attemptCount";

    /// <summary>The locale used when neither the activity nor the client says one (for example "pl-PL").</summary>
    public string? DefaultLocale { get; set; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions ?? throw new ArgumentException($"The prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        var state = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        instance.State[OptionsKey] = promptOptions;
        instance.State[StateKey] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (options, state) = Read(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var attempt = state.Get<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempt;

        var isValid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempt), cancellationToken).ConfigureAwait(false);
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (options.MaxAttempts is { } max && attempt >= max)
        {
            return await dc.EndDialogAsync(new PromptAttemptsExhausted(Id, attempt), cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog begun on top of the prompt has ended: ask the question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (options, state) = Read(instance);
        return OnPromptAsync(turnContext, state, options, false, cancellationToken);
    }

    /// <summary>Sends the question, or the retry when <paramref name="isRetry"/>.</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Reads the answer from the turn's activity.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The culture of the turn: the activity's locale, the client's, or <see cref="DefaultLocale"/>.</summary>
    protected CultureInfo CultureOf(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return PromptCulture.For(turnContext.Activity, DefaultLocale);
    }

    /// <summary>
    /// A fresh copy of the message to send: the question, or on a retry the caller's retry prompt, else the
    /// localized <paramref name="retryText"/> (a PromptTexts key) wrapped around the question.
    /// </summary>
    private protected static Activity MessageFor(PromptOptions options, bool isRetry, CultureInfo culture, string retryText)
    {
        if (isRetry && options.RetryPrompt is { } retry)
        {
            return ActivityCopy.Of(retry);
        }

        var message = options.Prompt is { } prompt ? ActivityCopy.Of(prompt) : ActivityExtensions.CreateMessage(string.Empty);
        if (isRetry)
        {
            message.Text = PromptTexts.Retry(culture, retryText, message.Text);
        }

        message.Type ??= ActivityTypes.Message;
        message.InputHint ??= InputHints.ExpectingInput;
        return message;
    }

    /// <summary>The message with the choices shown in <paramref name="style"/>: its text moves into the card or list, its attachments follow.</summary>
    private protected static Activity WithChoices(Activity message, string? channelId, IList<Choice> choices, ListStyle style, ChoiceFactoryOptions options)
    {
        if (choices.Count == 0 || style == ListStyle.None)
        {
            return message;
        }

        var withChoices = ChoiceFactory.Create(style, channelId, choices, message.Text, options);
        if (message.Attachments is { Count: > 0 } attachments)
        {
            withChoices.Attachments = [.. withChoices.Attachments ?? [], .. attachments];
        }

        withChoices.Locale = message.Locale;
        withChoices.Summary = message.Summary;
        return withChoices;
    }

    private (PromptOptions Options, IDictionary<string, object?> State) Read(DialogInstance instance) =>
        (instance.State.GetRequired<PromptOptions>(OptionsKey, Id), instance.State.GetRequired<Dictionary<string, object?>>(StateKey, Id));
}
