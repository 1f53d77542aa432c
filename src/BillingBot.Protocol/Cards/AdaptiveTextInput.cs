using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A text field (Input.Text).</summary>
public sealed record AdaptiveTextInput : AdaptiveInput
{
    public const string TypeName = "Input.Text";

    [JsonPropertyName("isMultiline")] public bool? IsMultiline { get; init; }
    [JsonPropertyName("maxLength")] public int? MaxLength { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }

    /// <summary>A regular expression the value must match before the card submits.</summary>
    [JsonPropertyName("regex")] public string? Regex { get; init; }

    [JsonPropertyName("style")] public AdaptiveTextInputStyle? Style { get; init; }

    /// <summary>A button inside the field, for example "send".</summary>
    [JsonPropertyName("inlineAction")] public IAdaptiveSelectAction? InlineAction { get; init; }

    [JsonPropertyName("value")] public string? Value { get; init; }
}
