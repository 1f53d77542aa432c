using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Vertical alignment of a container's content: top, center or bottom.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveVerticalContentAlignment>))]
public enum AdaptiveVerticalContentAlignment
{
    Top,
    Center,
    Bottom,
}
