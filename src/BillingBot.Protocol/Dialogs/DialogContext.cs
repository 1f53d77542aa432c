using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// Runs a dialog stack for one turn: begins, continues, ends, replaces and cancels dialogs. The outermost call on a
/// bot's context turns a stale saved stack (see <see cref="StaleDialogStackException"/>) into a cleared stack and a
/// <see cref="DialogTurnStatus.Reset"/> result instead of an exception.
/// </summary>
public class DialogContext
{
    private readonly bool _isNested;

    /// <summary>The context of a bot's dialog set for a turn.</summary>
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
        : this(dialogs, turnContext, state, parent: null, isNested: false)
    {
    }

    /// <summary>The context of a component's inner dialogs; dialogs not found in the inner set are looked up in the parent.</summary>
    public DialogContext(DialogSet dialogs, DialogContext parentDialogContext, DialogState state)
        : this(dialogs, parentDialogContext?.Context ?? throw new ArgumentNullException(nameof(parentDialogContext)), state, parentDialogContext, isNested: true)
    {
    }

    /// <summary>For contexts that share another context's stack (waterfall steps) or have no parent at hand (a component's reprompt).</summary>
    internal DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent, bool isNested)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        state.DialogStack ??= [];
        Dialogs = dialogs;
        Context = turnContext;
        State = state;
        Parent = parent;
        _isNested = isNested;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The context of the component that owns this one, if any.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack, active dialog first.</summary>
    public IList<DialogInstance> Stack => State.DialogStack;

    /// <summary>The dialog at the top of the stack, or null.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    internal DialogState State { get; }

    /// <summary>Whether this context belongs to a component (or shares such a stack): then a stale stack is left to the outermost context.</summary>
    internal bool IsNested => _isNested;

    /// <summary>The dialog with this id in this set, else in the parents' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a dialog and begins it. An unknown id is a programming error and throws.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"No dialog with the id '{dialogId}' was added.");
            Stack.Insert(0, new DialogInstance(dialogId));
            return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Begins a prompt with its options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Gives the user's message to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (State.UnreadableReason is { } unreadable)
            {
                State.UnreadableReason = null;
                throw new StaleDialogStackException("(stack)", unreadable);
            }

            if (ActiveDialog is not { } active)
            {
                return new DialogTurnResult(DialogTurnStatus.Empty);
            }

            return await Require(active).ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>; <see cref="DialogTurnStatus.Complete"/> when none is left.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
            if (ActiveDialog is { } parent)
            {
                return await Require(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
            }

            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        });

    /// <summary>Ends every dialog on this stack; <see cref="DialogTurnStatus.Cancelled"/>, or Empty when there was none.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and begins another in its place, without resuming the one below (loops, restarts).</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
            return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Asks the active dialog to repeat its question: Waiting, Empty when no dialog is active, Reset when the stack is stale.</summary>
    public Task<DialogTurnResult> RepromptDialogAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (ActiveDialog is not { } active)
            {
                return new DialogTurnResult(DialogTurnStatus.Empty);
            }

            await Require(active).RepromptDialogAsync(Context, active, cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        });

    private Dialog Require(DialogInstance instance) =>
        FindDialog(instance.Id) ?? throw new StaleDialogStackException(instance.Id, "no dialog has this id any more");

    // A dialog that no longer exists has nothing to clean up: ending, cancelling or replacing a stale entry just drops it.
    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            try
            {
                await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
            }
            catch (StaleDialogStackException) when (reason is DialogReason.CancelCalled or DialogReason.ReplaceCalled)
            {
                // Stale state cannot be cleaned up, and is about to be dropped anyway.
            }
        }

        Stack.Remove(instance);
    }

    private async Task<DialogTurnResult> GuardAsync(Func<Task<DialogTurnResult>> action)
    {
        if (_isNested)
        {
            return await action().ConfigureAwait(false);
        }

        var depth = ++State.Depth;
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (StaleDialogStackException ex) when (depth == 1)
        {
            Stack.Clear();
            return new DialogTurnResult(DialogTurnStatus.Reset, new DialogStackReset(ex.DialogId, ex.Reason));
        }
        finally
        {
            State.Depth--;
        }
    }
}
