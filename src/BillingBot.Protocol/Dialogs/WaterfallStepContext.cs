namespace BillingBot.Protocol.Dialogs;

/// <summary>The context of a waterfall step: the dialog context plus the step's index, options, values and the previous step's result.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State, dc.Parent, dc.IsNested)
    {
        _waterfall = waterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>
    /// The options the waterfall was begun with: the object itself in the turn it began, a JsonElement in later
    /// turns; <see cref="GetOptions{T}"/> reads both.
    /// </summary>
    public object? Options { get; }

    /// <summary>Why the step runs: begun, continued with a message, resumed after a child ended, or skipped to.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's result: a prompt's typed value, a child dialog's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>Values the steps share, saved with the dialog; read them back with <see cref="DialogStateValues.Get{T}"/>.</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The waterfall's options as <typeparamref name="T"/>, whether this is the first turn or a later one.</summary>
    public T? GetOptions<T>() => DialogStateValues.Convert<T>(Options, _waterfall.Id);

    /// <summary>Skips to the next step with <paramref name="result"/> as its <see cref="Result"/>; callable once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
