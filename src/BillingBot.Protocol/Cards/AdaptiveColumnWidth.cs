using System.Globalization;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The width of a Column: "auto", "stretch", a relative weight, or pixels.</summary>
[JsonConverter(typeof(AdaptiveColumnWidthConverter))]
public sealed record AdaptiveColumnWidth
{
    private AdaptiveColumnWidth(string keyword, int value)
    {
        Keyword = keyword;
        Value = value;
    }

    /// <summary>As wide as the column's content.</summary>
    public static AdaptiveColumnWidth Auto { get; } = new("auto", 0);

    /// <summary>Shares the room left over with the other stretching columns.</summary>
    public static AdaptiveColumnWidth Stretch { get; } = new("stretch", 0);

    /// <summary>"auto", "stretch", "weight" or "px".</summary>
    internal string Keyword { get; }

    /// <summary>The weight or the pixels; 0 for auto and stretch.</summary>
    internal int Value { get; }

    /// <summary>A share of the width relative to the other weighted columns.</summary>
    public static AdaptiveColumnWidth Weight(int weight) => new("weight", CardLengths.RequirePositive(weight, nameof(weight)));

    /// <summary>An exact width in pixels.</summary>
    public static AdaptiveColumnWidth Pixels(int pixels) => new("px", CardLengths.RequirePositive(pixels, nameof(pixels)));

    public override string ToString() => Keyword switch
    {
        "weight" => Value.ToString(CultureInfo.InvariantCulture),
        "px" => CardLengths.FormatPixels(Value),
        _ => Keyword,
    };
}
