using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>The body of a create-conversation call. Teams requires the tenant id for a 1:1 chat.</summary>
public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool IsGroup { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("members")] public IList<ChannelAccount>? Members { get; set; }
    [JsonPropertyName("topicName")] public string? TopicName { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("activity")] public Activity? Activity { get; set; }
    [JsonPropertyName("channelData")] public TeamsChannelData? ChannelData { get; set; }
}
