using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>One label and value of a FactSet; the value may use markdown.</summary>
public sealed record AdaptiveFact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
