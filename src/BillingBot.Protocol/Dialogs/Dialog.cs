using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// A unit of conversation that can span turns. It is begun on a <see cref="DialogContext"/>, continued with each
/// message while it is active, resumed when a dialog it started ends, and ended (or cancelled). Whatever it must
/// remember between turns goes in its <see cref="DialogInstance.State"/>, which is saved as JSON.
/// </summary>
public abstract class Dialog(string dialogId)
{
    /// <summary>The result that says "waiting for the user"; a dialog returns it when it has asked something.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    /// <summary>The id the dialog is found by; it is saved in the stack, so renaming it strands saved conversations.</summary>
    public string Id { get; } = string.IsNullOrWhiteSpace(dialogId) ? throw new ArgumentException("A dialog needs an id.", nameof(dialogId)) : dialogId;

    /// <summary>Called when the dialog is pushed on the stack; <paramref name="options"/> are what the caller passed.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called with the user's next message while the dialog is active; ends the dialog unless overridden.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a dialog this one started has ended with <paramref name="result"/>; ends this one with it unless overridden.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again (after an interruption, for example).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Called as the dialog leaves the stack, whether it ended, was replaced or was cancelled.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
