using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>How an image is drawn: default or person (cropped to a circle).</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveImageStyle>))]
public enum AdaptiveImageStyle
{
    Default,
    Person,
}
