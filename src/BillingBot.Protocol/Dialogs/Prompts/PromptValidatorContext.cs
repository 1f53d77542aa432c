using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>What a validator sees: the turn, what was recognized, the prompt's options and state, and which attempt this is.</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
{
    public ITurnContext Context { get; } = context;

    /// <summary>The recognizer's result; check <see cref="PromptRecognizerResult{T}.Succeeded"/> first.</summary>
    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    /// <summary>The prompt's state, saved between turns.</summary>
    public IDictionary<string, object?> State { get; } = state;

    public PromptOptions Options { get; } = options;

    /// <summary>How many answers the user has given to this prompt, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; } = attemptCount;
}
