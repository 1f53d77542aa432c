using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// A dialog made of dialogs: it runs its own inner stack (kept in its instance state) starting with
/// <see cref="InitialDialogId"/>, and ends when that stack does. Override <see cref="OnContinueDialogAsync"/> to
/// handle interruptions ("help", "cancel") before the inner dialog sees the message.
/// </summary>
public class ComponentDialog(string dialogId) : Dialog(dialogId)
{
    private const string InnerStackKey = "dialogs";

    private readonly DialogSet _dialogs = new();

    /// <summary>The inner dialog begun first; the first dialog added unless set.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>The inner dialog with this id, or null.</summary>
    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var inner = new DialogState();
        outerDc.ActiveDialog!.State[InnerStackKey] = inner;
        var innerDc = new DialogContext(_dialogs, outerDc, inner);
        var result = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(outerDc, result.Result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var innerDc = new DialogContext(_dialogs, outerDc, InnerState(outerDc.ActiveDialog!));
        var result = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(outerDc, result.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dialog the component started from its outer context ended: ask the inner dialog's question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var innerDc = new DialogContext(_dialogs, turnContext, InnerState(instance), parent: null, isNested: true);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = new DialogContext(_dialogs, turnContext, InnerState(instance), parent: null, isNested: true);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins the initial inner dialog; override to do something first.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"The component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner stack; override to catch interruptions first (return Waiting to keep the inner dialog waiting).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Ends the component with the inner stack's result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private DialogState InnerState(DialogInstance instance) => instance.State.GetRequired<DialogState>(InnerStackKey, Id);
}
