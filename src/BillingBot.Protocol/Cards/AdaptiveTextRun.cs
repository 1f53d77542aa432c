using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A run of text inside a RichTextBlock; markdown is not interpreted.</summary>
public sealed record AdaptiveTextRun
{
    public const string TypeName = "TextRun";

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => TypeName;
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("color")] public AdaptiveTextColor? Color { get; init; }
    [JsonPropertyName("fontType")] public AdaptiveFontType? FontType { get; init; }
    [JsonPropertyName("highlight")] public bool? Highlight { get; init; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    [JsonPropertyName("italic")] public bool? Italic { get; init; }

    /// <summary>Makes the run a link.</summary>
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }

    [JsonPropertyName("size")] public AdaptiveTextSize? Size { get; init; }
    [JsonPropertyName("strikethrough")] public bool? Strikethrough { get; init; }
    [JsonPropertyName("underline")] public bool? Underline { get; init; }
    [JsonPropertyName("weight")] public AdaptiveTextWeight? Weight { get; init; }
}
