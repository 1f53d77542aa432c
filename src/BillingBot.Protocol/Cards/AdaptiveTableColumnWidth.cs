using System.Globalization;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The width of a Table column: a relative weight or pixels (a table has no auto or stretch).</summary>
[JsonConverter(typeof(AdaptiveTableColumnWidthConverter))]
public sealed record AdaptiveTableColumnWidth
{
    private AdaptiveTableColumnWidth(int value, bool isPixels)
    {
        Value = value;
        IsPixels = isPixels;
    }

    /// <summary>The weight or the pixels.</summary>
    public int Value { get; }

    /// <summary>Whether <see cref="Value"/> is pixels rather than a weight.</summary>
    public bool IsPixels { get; }

    /// <summary>A share of the table's width relative to the other columns.</summary>
    public static AdaptiveTableColumnWidth Weight(int weight) => new(CardLengths.RequirePositive(weight, nameof(weight)), isPixels: false);

    /// <summary>An exact width in pixels.</summary>
    public static AdaptiveTableColumnWidth Pixels(int pixels) => new(CardLengths.RequirePositive(pixels, nameof(pixels)), isPixels: true);

    public override string ToString() =>
        IsPixels ? CardLengths.FormatPixels(Value) : Value.ToString(CultureInfo.InvariantCulture);
}
