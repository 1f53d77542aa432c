using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The height of an element: auto (as tall as its content) or stretch (fill the rest).</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveHeight>))]
public enum AdaptiveHeight
{
    Auto,
    Stretch,
}
