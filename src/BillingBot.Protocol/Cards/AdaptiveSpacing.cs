using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The space between an element and the one before it.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveSpacing>))]
public enum AdaptiveSpacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
