using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The look of an action's button: default, positive or destructive.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveActionStyle>))]
public enum AdaptiveActionStyle
{
    Default,
    Positive,
    Destructive,
}
