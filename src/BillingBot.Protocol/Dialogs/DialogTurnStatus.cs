namespace BillingBot.Protocol.Dialogs;

/// <summary>Where the dialog stack stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active: the bot should start one.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,

    /// <summary>
    /// The saved stack no longer matched the dialogs in code (a dialog id or waterfall step that a deploy removed,
    /// or state that no longer deserializes), so it was cleared; <see cref="DialogTurnResult.Result"/> is a
    /// <see cref="DialogStackReset"/>. The bot should apologise and start over.
    /// </summary>
    Reset,
}
