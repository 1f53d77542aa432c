namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// The saved dialog stack does not fit the dialogs in code any more (a deploy removed a dialog or a waterfall step,
/// or changed the shape of saved state). The outermost <see cref="DialogContext"/> call catches it, clears the stack
/// and returns <see cref="DialogTurnStatus.Reset"/>; dialogs throw it when they find state they cannot use.
/// </summary>
public sealed class StaleDialogStackException(string dialogId, string reason, Exception? inner = null)
    : Exception($"The saved state of dialog '{dialogId}' no longer fits the code: {reason}", inner)
{
    public string DialogId { get; } = dialogId;

    public string Reason { get; } = reason;
}
