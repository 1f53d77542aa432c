using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The weight of text: default, lighter or bolder.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveTextWeight>))]
public enum AdaptiveTextWeight
{
    Default,
    Lighter,
    Bolder,
}
