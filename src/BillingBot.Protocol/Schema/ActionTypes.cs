namespace BillingBot.Protocol.Schema;

/// <summary>The card action types Teams supports on hero cards and suggested actions.</summary>
public static class ActionTypes
{
    /// <summary>Sends the action's value as a message from the user, visible in the chat.</summary>
    public const string ImBack = "imBack";
    public const string MessageBack = "messageBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";
    public const string Invoke = "invoke";
}
