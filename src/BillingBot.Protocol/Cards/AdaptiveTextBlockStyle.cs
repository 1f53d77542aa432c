using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The role of a TextBlock for accessibility: default or heading.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveTextBlockStyle>))]
public enum AdaptiveTextBlockStyle
{
    Default,
    Heading,
}
