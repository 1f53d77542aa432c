using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Horizontal alignment: left, center or right.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveHorizontalAlignment>))]
public enum AdaptiveHorizontalAlignment
{
    Left,
    Center,
    Right,
}
