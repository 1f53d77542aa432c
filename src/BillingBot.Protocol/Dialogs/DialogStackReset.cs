namespace BillingBot.Protocol.Dialogs;

/// <summary>What a <see cref="DialogTurnStatus.Reset"/> turn found: the dialog whose saved state did not fit the code, and why.</summary>
public sealed record DialogStackReset(string DialogId, string Reason);
