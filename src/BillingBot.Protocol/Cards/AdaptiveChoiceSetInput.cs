using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A choice among fixed options (Input.ChoiceSet); several values are sent comma-separated.</summary>
public sealed record AdaptiveChoiceSetInput : AdaptiveInput
{
    public const string TypeName = "Input.ChoiceSet";

    [JsonPropertyName("choices")] public IList<AdaptiveChoice> Choices { get; init; } = [];
    [JsonPropertyName("isMultiSelect")] public bool? IsMultiSelect { get; init; }
    [JsonPropertyName("style")] public AdaptiveChoiceInputStyle? Style { get; init; }

    /// <summary>The preselected value(s), comma-separated.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }

    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
}
