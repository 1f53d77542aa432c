using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The width and default alignment of one Table column.</summary>
public sealed record AdaptiveTableColumnDefinition
{
    [JsonPropertyName("width")] public AdaptiveTableColumnWidth? Width { get; init; }
    [JsonPropertyName("horizontalCellContentAlignment")] public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    [JsonPropertyName("verticalCellContentAlignment")] public AdaptiveVerticalAlignment? VerticalCellContentAlignment { get; init; }
}
