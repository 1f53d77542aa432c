using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A column of a ColumnSet: a container with a width.</summary>
public sealed record AdaptiveColumn
{
    public const string TypeName = "Column";

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => TypeName;
    [JsonPropertyName("items")] public IList<AdaptiveElement> Items { get; init; } = [];
    [JsonPropertyName("width")] public AdaptiveColumnWidth? Width { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; init; }
    [JsonPropertyName("separator")] public bool? Separator { get; init; }
    [JsonPropertyName("spacing")] public AdaptiveSpacing? Spacing { get; init; }
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }
    [JsonPropertyName("style")] public AdaptiveContainerStyle? Style { get; init; }
    [JsonPropertyName("verticalContentAlignment")] public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
    [JsonPropertyName("minHeight"), JsonConverter(typeof(PixelLengthConverter))] public int? MinHeightInPixels { get; init; }
    [JsonPropertyName("rtl")] public bool? Rtl { get; init; }
}
