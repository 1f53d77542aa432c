using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.State;

/// <summary>State shared by everyone in a conversation (the dialog stack lives here).</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        return $"{channelId}/conversations/{conversationId}";
    }
}
