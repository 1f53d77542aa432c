namespace BillingBot.Protocol.Dialogs;

/// <summary>What a prompt read from the user's answer: whether it found a value, and the value.</summary>
public sealed class PromptRecognizerResult<T>
{
    public PromptRecognizerResult() { }

    public PromptRecognizerResult(T value)
    {
        Succeeded = true;
        Value = value;
    }

    public bool Succeeded { get; set; }

    public T? Value { get; set; }
}
