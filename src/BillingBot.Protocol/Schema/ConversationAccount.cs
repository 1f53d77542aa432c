using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>The conversation an activity belongs to: a personal chat, a group chat or a channel thread.</summary>
public sealed class ConversationAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>Teams sends "personal", "groupChat" or "channel".</summary>
    [JsonPropertyName("conversationType")] public string? ConversationType { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
