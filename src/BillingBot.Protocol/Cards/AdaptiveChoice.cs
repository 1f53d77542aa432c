using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>One option of an Input.ChoiceSet: the text shown and the value sent.</summary>
public sealed record AdaptiveChoice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
