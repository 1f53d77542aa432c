using BillingBot.Protocol.Dialogs;
using BillingBot.Recognizers;

namespace BillingBot.Protocol.Tests.Dialogs;

/// <summary>
/// The Bot Framework's CancelAndHelpDialog pattern: "help"/"pomoc" explains and asks the current question again,
/// "cancel"/"anuluj" ends the inner dialogs. The texts come from the caller, as they would from the bot's resources.
/// </summary>
internal class InterruptibleDialog(string dialogId, string helpText, string cancelledText) : ComponentDialog(dialogId)
{
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var text = TextFolding.Fold(innerDc.Context.Activity.Text ?? string.Empty).Trim();
        switch (text)
        {
            case "help" or "pomoc" or "?":
                await innerDc.Context.SendActivityAsync(helpText, cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;
            case "cancel" or "anuluj" or "stop":
                await innerDc.Context.SendActivityAsync(cancelledText, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }
}
