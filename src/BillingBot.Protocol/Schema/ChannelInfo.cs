using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>A Teams channel.</summary>
public sealed class ChannelInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
