using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A block of text (a subset of markdown) with one size, weight and color.</summary>
public sealed record AdaptiveTextBlock : AdaptiveElement
{
    public const string TypeName = "TextBlock";

    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("color")] public AdaptiveTextColor? Color { get; init; }
    [JsonPropertyName("fontType")] public AdaptiveFontType? FontType { get; init; }
    [JsonPropertyName("horizontalAlignment")] public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    [JsonPropertyName("maxLines")] public int? MaxLines { get; init; }
    [JsonPropertyName("size")] public AdaptiveTextSize? Size { get; init; }
    [JsonPropertyName("weight")] public AdaptiveTextWeight? Weight { get; init; }

    /// <summary>Without wrap the text is cut at one line; most card text wants true.</summary>
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }

    [JsonPropertyName("style")] public AdaptiveTextBlockStyle? Style { get; init; }
}
