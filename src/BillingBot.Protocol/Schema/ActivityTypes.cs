namespace BillingBot.Protocol.Schema;

/// <summary>The activity types of the Bot Framework protocol.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string EndOfConversation = "endOfConversation";
    public const string InvokeResponse = "invokeResponse";

    /// <summary>Whether the type is one this protocol implementation routes to a bot.</summary>
    public static bool IsKnown(string? type) => type is Message or ConversationUpdate or InstallationUpdate
        or Invoke or Event or Typing or MessageReaction or MessageUpdate or MessageDelete or EndOfConversation;
}
