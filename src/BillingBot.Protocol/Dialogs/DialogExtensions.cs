using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Dialogs;

/// <summary>Runs a root dialog for a turn, the way a bot usually does.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Continues the dialog stack kept in <paramref name="accessor"/>, or begins <paramref name="dialog"/> when it is
    /// empty. A <see cref="DialogTurnStatus.Reset"/> result is returned as is (the stack is already cleared): apologise,
    /// then call this again to start over.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dialogs = new DialogSet(accessor).Add(dialog);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false)
            : result;
    }
}
