namespace BillingBot.Protocol.Dialogs;

/// <summary>The outcome of running the dialog stack for a turn, and the result of the dialog that ended, if any.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
