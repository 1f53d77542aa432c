using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.State;

/// <summary>State of one user across all their conversations with the bot (preferences).</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("The activity has no sender.");
        return $"{channelId}/users/{userId}";
    }
}
