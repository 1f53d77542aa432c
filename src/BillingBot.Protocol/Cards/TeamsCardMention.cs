using System.Text.Json.Serialization;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Cards;

/// <summary>A mention in a card: <see cref="Text"/> (for example "&lt;at&gt;Anna&lt;/at&gt;") appears in a TextBlock and names <see cref="Mentioned"/>.</summary>
public sealed record TeamsCardMention
{
    public const string TypeName = "mention";

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => TypeName;

    /// <summary>The exact tag used in the card's text, "&lt;at&gt;Name&lt;/at&gt;".</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }

    /// <summary>The user: a Teams user id (29:…) or an Entra object id, with a name.</summary>
    [JsonPropertyName("mentioned")] public required ChannelAccount Mentioned { get; init; }
}
