using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The keyboard and validation hint of Input.Text.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveTextInputStyle>))]
public enum AdaptiveTextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
