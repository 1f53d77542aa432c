namespace BillingBot.Protocol.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>: asks something (returning Waiting), moves on, or ends the dialog.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
