using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>Settings of a Teams event; a team install names the channel the user picked.</summary>
public sealed class TeamsChannelDataSettings
{
    [JsonPropertyName("selectedChannel")] public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
