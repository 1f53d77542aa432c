using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The font of text: default or monospace.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveFontType>))]
public enum AdaptiveFontType
{
    Default,
    Monospace,
}
