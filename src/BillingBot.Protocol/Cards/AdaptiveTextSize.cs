using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The size of text: default, small, medium, large or extraLarge.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveTextSize>))]
public enum AdaptiveTextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
