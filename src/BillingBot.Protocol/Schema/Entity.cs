using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>
/// Metadata attached to an activity. Teams sends "mention" (mentioned, text) and "clientInfo"
/// (locale, country, platform, timezone); other entity types keep their fields in <see cref="Properties"/>.
/// </summary>
public sealed class Entity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonPropertyName("mentioned")] public ChannelAccount? Mentioned { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }

    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("platform")] public string? Platform { get; set; }
    [JsonPropertyName("timezone")] public string? Timezone { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
