namespace BillingBot.Protocol.Dialogs;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just started.</summary>
    BeginCalled,

    /// <summary>The dialog is continued with the user's next message.</summary>
    ContinueCalled,

    /// <summary>The dialog ended normally (or a child it started ended).</summary>
    EndCalled,

    /// <summary>The dialog was replaced by another one.</summary>
    ReplaceCalled,

    /// <summary>The dialog was cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step skipped to the next step.</summary>
    NextCalled,
}
