using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Teams' "msteams" extension of a card: full width and the entities behind &lt;at&gt; mentions.</summary>
public sealed record TeamsCardProperties
{
    [JsonPropertyName("width")] public TeamsCardWidth? Width { get; init; }

    /// <summary>One entry per &lt;at&gt;…&lt;/at&gt; tag used in the card's text.</summary>
    [JsonPropertyName("entities")] public IList<TeamsCardMention>? Entities { get; init; }
}
