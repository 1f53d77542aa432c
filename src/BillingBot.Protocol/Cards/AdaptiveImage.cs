using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A PNG, JPEG or GIF image (or a data: URI).</summary>
public sealed record AdaptiveImage : AdaptiveElement
{
    public const string TypeName = "Image";

    [JsonPropertyName("url")] public required Uri Url { get; init; }

    /// <summary>Read by screen readers; give every meaningful image one.</summary>
    [JsonPropertyName("altText")] public string? AltText { get; init; }

    /// <summary>A color like "#DDDDDD" behind a transparent image.</summary>
    [JsonPropertyName("backgroundColor")] public string? BackgroundColor { get; init; }

    [JsonPropertyName("horizontalAlignment")] public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }
    [JsonPropertyName("size")] public AdaptiveImageSize? Size { get; init; }
    [JsonPropertyName("style")] public AdaptiveImageStyle? Style { get; init; }

    /// <summary>An exact width, which overrides <see cref="Size"/>.</summary>
    [JsonPropertyName("width"), JsonConverter(typeof(PixelLengthConverter))] public int? WidthInPixels { get; init; }
}
