using System.Text.Json;
using System.Text.RegularExpressions;

namespace BillingBot.Protocol.Schema;

/// <summary>Conversions between activities and conversation references, and Teams conveniences.</summary>
public static partial class ActivityExtensions
{
    /// <summary>The reference needed to write into this activity's conversation later.</summary>
    public static ConversationReference GetConversationReference(this Activity activity) => new()
    {
        ActivityId = activity.Type == ActivityTypes.ConversationUpdate ? null : activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl,
    };

    /// <summary>Addresses an outgoing activity to the conversation of a reference, from the bot.</summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            activity.Id ??= reference.ActivityId;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            if (reference.ActivityId is not null && activity.Type == ActivityTypes.Message)
            {
                activity.ReplyToId ??= reference.ActivityId;
            }
        }

        return activity;
    }

    /// <summary>A message activity carrying plain text.</summary>
    public static Activity CreateMessage(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };

    /// <summary>A message activity carrying one attachment (for example an Adaptive Card).</summary>
    public static Activity CreateMessage(Attachment attachment, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [attachment],
        Summary = summary,
    };

    /// <summary>The tenant of the activity: channelData.tenant.id, else conversation.tenantId.</summary>
    public static string? GetTenantId(this Activity activity) =>
        activity.ChannelData?.Tenant?.Id is { Length: > 0 } id ? id : activity.Conversation?.TenantId;

    /// <summary>Whether the bot itself is among the members added by a conversationUpdate.</summary>
    public static bool IsBotAdded(this Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;

    /// <summary>Whether the bot itself is among the members removed by a conversationUpdate.</summary>
    public static bool IsBotRemoved(this Activity activity) =>
        activity.MembersRemoved?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;

    /// <summary>The mentions carried by the activity's entities.</summary>
    public static IEnumerable<Entity> GetMentions(this Activity activity) =>
        activity.Entities?.Where(e => e.Type == Entity.MentionType) ?? [];

    /// <summary>
    /// The message text without the bot's @mention, trimmed. Entities are trusted over the text; a leftover
    /// &lt;at&gt;…&lt;/at&gt; tag is removed too, since Teams' entity text does not always match the message text.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var mention in activity.GetMentions())
        {
            if (mention.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        // A leftover tag naming the bot is the bot's mention in another spelling; other people's mentions keep their names.
        var botName = activity.Recipient?.Name;
        text = MentionTags.Replace(text, name =>
        {
            var inner = name.Trim().TrimStart('@');
            return botName is not null && string.Equals(inner, botName, StringComparison.OrdinalIgnoreCase) ? string.Empty : inner;
        });
        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>The Action.Submit or invoke value as JSON, when there is one.</summary>
    public static JsonElement? GetValueElement(this Activity activity) => activity.Value switch
    {
        JsonElement element when element.ValueKind is not JsonValueKind.Undefined and not JsonValueKind.Null => element,
        null => null,
        var other => JsonSerializer.SerializeToElement(other, ProtocolJson.Options),
    };

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex WhiteSpace();
}
