using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A paragraph of text runs, each with its own formatting.</summary>
public sealed record AdaptiveRichTextBlock : AdaptiveElement
{
    public const string TypeName = "RichTextBlock";

    [JsonPropertyName("inlines")] public required IList<AdaptiveTextRun> Inlines { get; init; }
    [JsonPropertyName("horizontalAlignment")] public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }
}
