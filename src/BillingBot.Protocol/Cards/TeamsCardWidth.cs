using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The width Teams gives a card; Full uses the whole message column instead of a fixed bubble.</summary>
[JsonConverter(typeof(CardEnumConverter<TeamsCardWidth>))]
public enum TeamsCardWidth
{
    [JsonStringEnumMemberName("Full")] Full,
}
