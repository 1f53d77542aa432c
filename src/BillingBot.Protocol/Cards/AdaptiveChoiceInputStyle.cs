using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>How Input.ChoiceSet shows its choices: compact (a drop-down) or expanded (radio buttons or check boxes).</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveChoiceInputStyle>))]
public enum AdaptiveChoiceInputStyle
{
    Compact,
    Expanded,
}
