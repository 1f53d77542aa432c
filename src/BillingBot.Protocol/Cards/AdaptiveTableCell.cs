using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>One cell of a TableRow: a container of elements.</summary>
public sealed record AdaptiveTableCell
{
    public const string TypeName = "TableCell";

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => TypeName;
    [JsonPropertyName("items")] public required IList<AdaptiveElement> Items { get; init; }
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }
    [JsonPropertyName("style")] public AdaptiveContainerStyle? Style { get; init; }
    [JsonPropertyName("verticalContentAlignment")] public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
    [JsonPropertyName("minHeight"), JsonConverter(typeof(PixelLengthConverter))] public int? MinHeightInPixels { get; init; }
    [JsonPropertyName("rtl")] public bool? Rtl { get; init; }
}
