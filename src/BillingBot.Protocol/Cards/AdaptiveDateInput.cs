using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A date picker (Input.Date); dates travel as yyyy-MM-dd.</summary>
public sealed record AdaptiveDateInput : AdaptiveInput
{
    public const string TypeName = "Input.Date";

    [JsonPropertyName("max")] public DateOnly? Max { get; init; }
    [JsonPropertyName("min")] public DateOnly? Min { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public DateOnly? Value { get; init; }
}
