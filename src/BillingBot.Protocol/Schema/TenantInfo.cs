using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>The Entra tenant in Teams channel data.</summary>
public sealed class TenantInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
