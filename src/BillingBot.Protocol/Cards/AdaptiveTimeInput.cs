using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A time picker (Input.Time); times travel as HH:mm.</summary>
public sealed record AdaptiveTimeInput : AdaptiveInput
{
    public const string TypeName = "Input.Time";

    [JsonPropertyName("max"), JsonConverter(typeof(TimeOfDayConverter))] public TimeOnly? Max { get; init; }
    [JsonPropertyName("min"), JsonConverter(typeof(TimeOfDayConverter))] public TimeOnly? Min { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value"), JsonConverter(typeof(TimeOfDayConverter))] public TimeOnly? Value { get; init; }
}
