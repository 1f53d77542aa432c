using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Vertical alignment of table cell content: top, center or bottom.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveVerticalAlignment>))]
public enum AdaptiveVerticalAlignment
{
    Top,
    Center,
    Bottom,
}
