using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The color of text, as the host config defines it.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveTextColor>))]
public enum AdaptiveTextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
