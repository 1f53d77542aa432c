using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>Everything needed to write into a conversation later, outside a turn (proactive messages).</summary>
public sealed class ConversationReference
{
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("user")] public ChannelAccount? User { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
