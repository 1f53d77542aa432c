using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A check box (Input.Toggle); its value is <see cref="ValueOn"/> or <see cref="ValueOff"/>.</summary>
public sealed record AdaptiveToggleInput : AdaptiveInput
{
    public const string TypeName = "Input.Toggle";

    /// <summary>The text next to the check box.</summary>
    [JsonPropertyName("title")] public required string Title { get; init; }

    [JsonPropertyName("value")] public string? Value { get; init; }

    /// <summary>Sent when checked; "true" when not set.</summary>
    [JsonPropertyName("valueOn")] public string? ValueOn { get; init; }

    /// <summary>Sent when unchecked; "false" when not set.</summary>
    [JsonPropertyName("valueOff")] public string? ValueOff { get; init; }

    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
}
