using BillingBot.Protocol.Schema;

namespace BillingBot.App.Bot;

/// <summary>
/// Whom a stored conversation reference reaches: in a personal chat the user (by Entra object id, else channel id),
/// in a team or group chat the conversation itself.
/// </summary>
public sealed record ReferenceKey(string TenantId, string Owner)
{
    public static ReferenceKey? For(Activity activity)
    {
        if (activity.GetTenantId() is not { Length: > 0 } tenantId)
        {
            return null;
        }

        var conversation = activity.Conversation;
        if (conversation?.ConversationType is "channel" or "groupChat" || conversation?.IsGroup == true)
        {
            var channelId = activity.ChannelData?.Settings?.SelectedChannel?.Id ?? activity.ChannelData?.Channel?.Id ?? conversation!.Id;
            return channelId is null ? null : new ReferenceKey(tenantId, "conversation:" + channelId);
        }

        var user = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id;
        return user is null ? null : new ReferenceKey(tenantId, "user:" + user);
    }
}
