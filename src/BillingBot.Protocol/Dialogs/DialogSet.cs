using System.Text.Json;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>The dialogs a bot (or a <see cref="ComponentDialog"/>) can run, by id, and the state property the stack lives in.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    /// <summary>A set whose stack is kept in <paramref name="dialogState"/> (a property of <see cref="ConversationState"/>).</summary>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(dialogState);
        _dialogState = dialogState;
    }

    /// <summary>A set without state of its own, for the inner dialogs of a component.</summary>
    public DialogSet() { }

    /// <summary>Adds a dialog; a different dialog under an id already taken is a programming error.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing) && !ReferenceEquals(existing, dialog))
        {
            throw new ArgumentException($"Another dialog already has the id '{dialog.Id}'.", nameof(dialog));
        }

        _dialogs[dialog.Id] = dialog;
        return this;
    }

    /// <summary>The dialog with this id, or null.</summary>
    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>Loads the stack for this turn and returns a context to run it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var accessor = _dialogState ?? throw new InvalidOperationException("This dialog set has no state property; create it with an IStatePropertyAccessor<DialogState>.");
        DialogState state;
        try
        {
            state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false) ?? new DialogState();
        }
        catch (JsonException ex)
        {
            // A stack saved by an older build that this one cannot read: start afresh, and say so on the next continue.
            state = new DialogState { UnreadableReason = ex.Message };
            await accessor.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        }

        return new DialogContext(this, turnContext, state);
    }
}
