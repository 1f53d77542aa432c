using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>The team a channel conversation belongs to.</summary>
public sealed class TeamInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadGroupId")] public string? AadGroupId { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
