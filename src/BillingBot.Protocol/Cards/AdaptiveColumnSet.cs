using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Columns side by side.</summary>
public sealed record AdaptiveColumnSet : AdaptiveElement
{
    public const string TypeName = "ColumnSet";

    [JsonPropertyName("columns")] public IList<AdaptiveColumn>? Columns { get; init; }
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }
    [JsonPropertyName("style")] public AdaptiveContainerStyle? Style { get; init; }

    /// <summary>Lets the background reach the edges of the parent's padding.</summary>
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }

    [JsonPropertyName("minHeight"), JsonConverter(typeof(PixelLengthConverter))] public int? MinHeightInPixels { get; init; }
    [JsonPropertyName("horizontalAlignment")] public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }
}
