using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The approximate size of an image; the host picks the pixels.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveImageSize>))]
public enum AdaptiveImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}
