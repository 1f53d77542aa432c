using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>Buttons shown under a message until the user answers; Teams shows them in personal chats only.</summary>
public sealed class SuggestedActions
{
    /// <summary>The ids of the recipients who see the actions; empty means everyone.</summary>
    [JsonPropertyName("to")] public IList<string>? To { get; set; }
    [JsonPropertyName("actions")] public IList<CardAction>? Actions { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
