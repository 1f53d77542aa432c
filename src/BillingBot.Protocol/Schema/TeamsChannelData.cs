using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>What Teams puts in an activity's channelData. Every field is optional.</summary>
public sealed class TeamsChannelData
{
    [JsonPropertyName("tenant")] public TenantInfo? Tenant { get; set; }
    [JsonPropertyName("team")] public TeamInfo? Team { get; set; }
    [JsonPropertyName("channel")] public ChannelInfo? Channel { get; set; }
    /// <summary>For conversationUpdate: teamMemberAdded, channelCreated, teamRenamed and so on.</summary>
    [JsonPropertyName("eventType")] public string? EventType { get; set; }
    [JsonPropertyName("settings")] public TeamsChannelDataSettings? Settings { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
