using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Dialogs;

/// <summary>The dialog stack, kept in conversation state (as JSON) between turns; the active dialog is first.</summary>
public sealed class DialogState
{
    public DialogState() { }

    public DialogState(IList<DialogInstance> stack) => DialogStack = stack;

    [JsonPropertyName("dialogStack")] public IList<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>How deep the current call into the stack is: only the outermost call turns a stale stack into a reset.</summary>
    internal int Depth { get; set; }

    /// <summary>Set when the stored stack could not be read at all; the next continue reports a reset once.</summary>
    internal string? UnreadableReason { get; set; }
}
