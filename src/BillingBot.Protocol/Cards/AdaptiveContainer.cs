using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Groups elements, optionally with a style, a tap action or a minimum height.</summary>
public sealed record AdaptiveContainer : AdaptiveElement
{
    public const string TypeName = "Container";

    [JsonPropertyName("items")] public required IList<AdaptiveElement> Items { get; init; }
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }
    [JsonPropertyName("style")] public AdaptiveContainerStyle? Style { get; init; }
    [JsonPropertyName("verticalContentAlignment")] public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
    [JsonPropertyName("minHeight"), JsonConverter(typeof(PixelLengthConverter))] public int? MinHeightInPixels { get; init; }
    [JsonPropertyName("rtl")] public bool? Rtl { get; init; }
}
