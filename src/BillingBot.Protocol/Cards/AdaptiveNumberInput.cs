using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A number field (Input.Number).</summary>
public sealed record AdaptiveNumberInput : AdaptiveInput
{
    public const string TypeName = "Input.Number";

    [JsonPropertyName("max")] public decimal? Max { get; init; }
    [JsonPropertyName("min")] public decimal? Min { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public decimal? Value { get; init; }
}
