using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>One row of a Table: a cell per column.</summary>
public sealed record AdaptiveTableRow
{
    public const string TypeName = "TableRow";

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => TypeName;
    [JsonPropertyName("cells")] public IList<AdaptiveTableCell> Cells { get; init; } = [];
    [JsonPropertyName("style")] public AdaptiveContainerStyle? Style { get; init; }
    [JsonPropertyName("horizontalCellContentAlignment")] public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    [JsonPropertyName("verticalCellContentAlignment")] public AdaptiveVerticalAlignment? VerticalCellContentAlignment { get; init; }
}
