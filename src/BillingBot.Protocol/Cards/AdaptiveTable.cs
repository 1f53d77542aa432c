using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A grid of rows and cells with declared columns (Adaptive Cards 1.5).</summary>
public sealed record AdaptiveTable : AdaptiveElement
{
    public const string TypeName = "Table";

    [JsonPropertyName("columns")] public IList<AdaptiveTableColumnDefinition>? Columns { get; init; }
    [JsonPropertyName("rows")] public IList<AdaptiveTableRow>? Rows { get; init; }

    /// <summary>Shows the first row as a header (bold, and announced as such by screen readers).</summary>
    [JsonPropertyName("firstRowAsHeader")] public bool? FirstRowAsHeader { get; init; }

    [JsonPropertyName("showGridLines")] public bool? ShowGridLines { get; init; }
    [JsonPropertyName("gridStyle")] public AdaptiveContainerStyle? GridStyle { get; init; }
    [JsonPropertyName("horizontalCellContentAlignment")] public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    [JsonPropertyName("verticalCellContentAlignment")] public AdaptiveVerticalAlignment? VerticalCellContentAlignment { get; init; }
}
