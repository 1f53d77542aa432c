using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The background style of a container, column, table row or cell.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveContainerStyle>))]
public enum AdaptiveContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}
